package dev.spur.tests.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 end to end with a real HTTP/2 client ({@code curl --http2-prior-knowledge}, h2c): the
 * exchange reports version 2.0, so {@code @Match(version = "2")} routes answer it; {@code :authority}
 * feeds host matching as {@code Host} does; HTTP/1.1 on the same port still reads through the
 * framing guard. The test needs a curl built with HTTP2 and fails, naming the reason, without one.
 */
class Http2EndToEndTest {

    private static final String SOURCE = """
            package h2demo;

            import dev.spur.Match;
            import dev.spur.Route;

            public class Api {
                @Route(path = "/proto")
                @Match(version = "2")
                public String two() { return "h2"; }

                @Route(path = "/proto")
                public String other() { return "not h2"; }

                @Route(path = "/tenant")
                @Match(host = "*.tenants.example")
                public String tenant() { return "tenant"; }

                @Route(path = "/tenant")
                public String noTenant() { return "no tenant"; }

                @Route(path = "/items/{id}")
                public String item(int id) { return "item " + id; }
            }
            """;

    private static Router router;
    private static SpurServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("h2demo/Api.java", SOURCE), "h2demo.Router");
        router = (Router) loader.loadClass("h2demo.Router").getMethod("create").invoke(null);
        server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void priorKnowledgeH2cReachesTheVersionTwoRoute() throws Exception {
        List<String> out = curl("--http2-prior-knowledge", "http://127.0.0.1:" + server.port() + "/proto");
        assertEquals(List.of("2 200", "h2"), out);
    }

    @Test
    void http11OnTheSamePortIsNotVersionTwo() throws Exception {
        List<String> out = curl("--http1.1", "http://127.0.0.1:" + server.port() + "/proto");
        assertEquals(List.of("1.1 200", "not h2"), out);
    }

    @Test
    void authorityFeedsHostMatching() throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/tenant";
        assertEquals(List.of("2 200", "tenant"),
                curl("--http2-prior-knowledge", "-H", "Host: acme.tenants.example", url));
        assertEquals(List.of("2 200", "no tenant"), curl("--http2-prior-knowledge", url));
    }

    @Test
    void badInputOverH2IsAProblem() throws Exception {
        List<String> out = curl("--http2-prior-knowledge", "http://127.0.0.1:" + server.port() + "/items/abc");
        assertEquals("2 400", out.getFirst());
        assertTrue(String.join("\n", out).contains("\"status\":400"), out::toString);
        assertEquals(List.of("2 404"), curl("--http2-prior-knowledge",
                "http://127.0.0.1:" + server.port() + "/nowhere").subList(0, 1));
    }

    @Test
    void anAlmostPrefaceIsStillAnHttp1RequestAnswered505() throws IOException {
        try (RawHttp http = RawHttp.local(server.port())) {
            http.write("PRI * HTTP/2.0\r\n\r\nXM\r\n\r\n");
            RawHttp.Answer answer = http.answer();
            assertEquals(505, answer.status(), answer::text);
        }
    }

    @Test
    void withHttp2OffThePrefaceIsAnswered505() throws IOException {
        try (SpurServer off = SpurServer.builder(router).host("127.0.0.1").port(0).http2(false).start();
             RawHttp http = RawHttp.local(off.port())) {
            http.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            RawHttp.Answer answer = http.answer();
            assertEquals(505, answer.status(), answer::text);
        }
    }

    @Test
    void theConfigKeyTurnsHttp2Off() throws IOException {
        io.helidon.config.Config config = io.helidon.config.Config.just(
                io.helidon.config.ConfigSources.create(Map.of("server.http2", "false")));
        try (SpurServer off = SpurServer.builder(router).host("127.0.0.1").port(0)
                .config(config.get("server")).start();
             RawHttp http = RawHttp.local(off.port())) {
            http.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            RawHttp.Answer answer = http.answer();
            assertEquals(505, answer.status(), answer::text);
        }
    }

    /** curl's status line ({@code http_version status}) and body lines. */
    static List<String> curl(String... args) throws IOException, InterruptedException {
        Process version = new ProcessBuilder("curl", "-V").redirectErrorStream(true).start();
        String features = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor();
        assertTrue(features.contains("HTTP2"), "These tests need a curl built with HTTP2 support; curl -V says:\n"
                + features);
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10",
                "-w", "\n%{http_version} %{http_code}", "-o", "-"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(20, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, curl.exitValue(), text);
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String status = lines.removeLast();
        lines.addFirst(status);
        lines.removeIf(String::isEmpty);
        return lines;
    }
}
