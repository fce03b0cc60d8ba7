package dev.spur.tests.reliability;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The handlers the reliability tests run against, compiled with Spur's processor once per test JVM
 * (so these tests depend on no other test's handlers), and a loopback server around them.
 */
final class ReliabilityApp {

    /** Text that handlers put into exception messages; it must never reach a client. */
    static final String SECRET = "secret-4711";

    /** The size, in bytes, of the body {@code GET /large} streams. */
    static final int LARGE_BODY = 32 * 1024 * 1024;

    private static final String SOURCE = """
            package reliability.app;

            import dev.spur.Body;
            import dev.spur.Header;
            import dev.spur.Query;
            import dev.spur.Route;
            import io.helidon.webserver.http.ServerResponse;

            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.Optional;
            import java.util.UUID;

            public class Api {
                public record Item(String name, int count) {
                }

                public enum Color { RED, GREEN }

                @Route(path = "/")
                public String root() { return "root"; }

                @Route(path = "/items")
                public String items() { return "items"; }

                @Route(method = "QUERY", path = "/items")
                public String queryItems(@Body String query) { return "query " + query; }

                @Route(method = "POST", path = "/items")
                public String create(@Body Item item) { return item.name() + " x" + item.count(); }

                @Route(path = "/items/{id}")
                public String item(int id) { return "item " + id; }

                @Route(method = "DELETE", path = "/items/{id}")
                public void delete(long id) { }

                @Route(path = "/uuids/{id}")
                public String uuid(UUID id) { return id.toString(); }

                @Route(path = "/colors/{color}")
                public String color(Color color) { return color.name(); }

                @Route(path = "/flags/{on}")
                public String flag(boolean on) { return Boolean.toString(on); }

                @Route(path = "/seg/{value}")
                public String seg(String value) { return value; }

                @Route(path = "/files/{*rest}")
                public String files(String rest) { return rest; }

                @Route(path = "/search")
                public String search(@Query int limit, @Query Optional<Double> min) {
                    return "limit " + limit + " min " + min.orElse(0.0);
                }

                @Route(path = "/count")
                public String count(@Header("X-Count") int count) { return "count " + count; }

                @Route(method = "POST", path = "/echo")
                public String echo(@Body String body) { return Integer.toString(body.length()); }

                @Route(method = "PUT", path = "/bytes")
                public String bytes(@Body byte[] body) { return Integer.toString(body.length); }

                @Route(path = "/fail/runtime")
                public String failRuntime() { throw new IllegalStateException("SECRET in a runtime exception"); }

                @Route(path = "/fail/error")
                public String failError() { throw new AssertionError("SECRET in an error"); }

                @Route(path = "/fail/checked")
                public String failChecked() throws IOException { throw new IOException("SECRET in a checked exception"); }

                @Route(path = "/fail/stack")
                public String failStack() { return Integer.toString(deeper(0)); }

                private static int deeper(int depth) {
                    return deeper(depth + 1) + 1;
                }

                @Route(path = "/fail/midstream")
                public void failMidstream(ServerResponse response) throws IOException {
                    OutputStream out = response.outputStream();
                    out.write(new byte[100_000]);
                    out.flush();
                    throw new IllegalStateException("SECRET after the body had started");
                }

                @Route(path = "/slow")
                public String slow(@Query(defaultValue = "500") long ms) throws InterruptedException {
                    dev.spur.tests.reliability.InFlight.started();
                    Thread.sleep(ms);
                    return "slept " + ms;
                }

                @Route(path = "/large")
                public void large(ServerResponse response) throws IOException {
                    byte[] chunk = new byte[64 * 1024];
                    response.header("Content-Type", "application/octet-stream");
                    try (OutputStream out = response.outputStream()) {
                        for (int sent = 0; sent < LARGE; sent += chunk.length) {
                            out.write(chunk);
                        }
                    }
                }
            }
            """.replace("SECRET", SECRET).replace("LARGE", Integer.toString(LARGE_BODY));

    private static Router router;
    private static Path folder;

    private ReliabilityApp() {
    }

    /** The compiled router (compiled on first use). */
    static synchronized Router router() {
        if (router == null) {
            try {
                Path compiled = Files.createTempDirectory("spur-reliability");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(compiled)));
                folder = compiled;
                ClassLoader loader = InProcessCompiler.compile(folder,
                        Map.of("reliability/app/Api.java", SOURCE), "reliability.app.Router");
                router = (Router) loader.loadClass("reliability.app.Router").getMethod("create").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot load the compiled router", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return router;
    }

    /** The folder of the sources the processor generated for {@link #router()}. */
    static Path generatedSources() {
        router();
        return folder.resolve("generated");
    }

    /** Starts a loopback server on a free port; {@code settings} may change the builder. */
    static SpurServer start(UnaryOperator<SpurServer.Builder> settings) {
        return settings.apply(SpurServer.builder(router()).host("127.0.0.1").port(0)).start();
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
