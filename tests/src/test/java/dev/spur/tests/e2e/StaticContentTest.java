package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.runtime.StaticContent;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SpurServer.Builder.staticContent}: files from the class path and from a directory through
 * Helidon's static-content handlers (content type, ETag, Last-Modified, 304, ranges), behind the
 * routes, inside the application layers, and never a class file, a hidden file or anything
 * outside the root, however the path is spelled.
 */
class StaticContentTest {

    @TempDir
    static Path temp;
    static Path root;
    static SpurServer server;
    static RawHttp http;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectories(temp.resolve("public"));
        Files.writeString(root.resolve("page.html"), "<p>page</p>");
        Files.writeString(root.resolve("big.txt"), "0123456789".repeat(100));
        Files.writeString(temp.resolve("secret.txt"), "outside the root");
        Files.writeString(temp.resolve("public-secret.txt"), "a sibling with the root's name as prefix");
        server = SpurServer.builder(E2e.testRouter()).host("127.0.0.1").port(0)
                .layer((Exchange exchange, dev.spur.runtime.Layer.Next next) -> {
                    next.proceed(exchange);
                    seen.add(exchange.rawPath() + " " + exchange.status());
                })
                .staticContent("/assets", StaticContent.classpath("static-web").welcome("index.html"))
                .staticContent("/disk", StaticContent.directory(root))
                // a route of the router lies under this prefix: the route wins
                .staticContent("/io", StaticContent.classpath("static-web"))
                .start();
        http = RawHttp.local(server.port());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.stop();
    }

    @Test
    void classPathFilesAreServedWithTypeAndValidators() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/assets/hello.txt");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("hello static\n", answer.text());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("text/plain"), answer.headers()::toString);
        assertTrue(answer.header("Last-Modified").isPresent() || answer.header("ETag").isPresent(),
                answer.headers()::toString);
        assertEquals("{\"a\":1}\n", http.send("GET", "/assets/sub/data.json").text());
        assertEquals("spaced\n", http.send("GET", "/assets/with%20space.txt").text());
    }

    @Test
    void theWelcomeFileAnswersTheDirectory() throws IOException {
        assertEquals("<h1>index</h1>\n", http.send("GET", "/assets/").text());
    }

    @Test
    void directoryFilesHaveETagsConditionalRequestsAndRanges() throws IOException {
        RawHttp.Answer page = http.send("GET", "/disk/page.html");
        assertEquals(200, page.status(), page::text);
        assertEquals("<p>page</p>", page.text());
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page.headers()::toString);
        String etag = page.header("ETag").orElseThrow(() -> new AssertionError(page.headers()));
        assertTrue(page.header("Last-Modified").isPresent(), page.headers()::toString);
        RawHttp.Answer again = http.send("GET", "/disk/page.html", Map.of("If-None-Match", etag), null);
        assertEquals(304, again.status(), again::text);
        assertEquals(0, again.body().length);
        RawHttp.Answer range = http.send("GET", "/disk/big.txt", Map.of("Range", "bytes=10-19"), null);
        assertEquals(206, range.status(), range::text);
        assertEquals("0123456789", range.text());
        RawHttp.Answer head = http.sendRaw("HEAD /disk/page.html HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), true);
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
    }

    @Test
    void classFilesHiddenFilesAndMissingFilesAre404() throws IOException {
        for (String path : List.of("/assets/Fake.class", "/assets/FAKE.CLASS", "/assets/.hidden", "/assets/nope.txt",
                "/assets/dev/spur/tests/e2e/E2e.class", "/disk/nope", "/assets")) {
            RawHttp.Answer answer = http.send("GET", path);
            assertEquals(404, answer.status(), () -> path + " -> " + answer.text());
            assertEquals("application/problem+json", answer.header("Content-Type").orElse(null), path);
        }
    }

    @Test
    void nothingOutsideTheRootIsReachable() throws IOException {
        for (String escape : SafePathTest.ESCAPES) {
            for (String prefix : List.of("/assets/", "/disk/")) {
                RawHttp.Answer answer = http.send("GET", prefix + escape);
                assertEquals(400, answer.status(), () -> prefix + escape + " -> " + answer.text());
            }
        }
        for (String escape : List.of("..%2Fcom%2Fexample%2FMain.class", "..%2F..%2Fdev%2Fspur%2Ftests%2Fe2e%2FE2e.class",
                "sub%2F..%2F..%2FStaticContentTest.class", "..%2Fsecret.txt", "..%2Fpublic-secret.txt",
                "%2e%2e%2fsecret.txt", "..%5Csecret.txt")) {
            for (String prefix : List.of("/assets/", "/disk/")) {
                RawHttp.Answer answer = http.send("GET", prefix + escape);
                assertEquals(400, answer.status(), () -> prefix + escape + " -> " + answer.text());
                assertFalse(answer.text().contains("outside the root"), answer::text);
            }
        }
        for (String refused : SafePathTest.REFUSED_BY_ROUTER) {
            RawHttp.Answer answer = http.send("GET", "/disk/" + refused);
            assertEquals(400, answer.status(), () -> refused + " -> " + answer.text());
        }
    }

    @Test
    void routesComeFirstAndOtherMethodsAreNotServed() throws IOException {
        assertEquals("a|b", http.send("GET", "/io/files/a/b").text());
        assertEquals("hello static\n", http.send("GET", "/io/hello.txt").text());
        RawHttp.Answer post = http.send("POST", "/assets/hello.txt", Map.of(), new byte[0]);
        assertEquals(404, post.status(), post::text);
    }

    @Test
    void staticContentRunsInsideTheApplicationLayers() throws IOException {
        seen.clear();
        http.send("GET", "/disk/page.html");
        http.send("GET", "/assets/nope.txt");
        assertEquals(List.of("/disk/page.html 200", "/assets/nope.txt 404"), seen);
    }

    @Test
    void prefixesAndLocationsAreChecked() {
        SpurServer.Builder builder = SpurServer.builder(E2e.testRouter());
        for (String bad : List.of("assets", "/assets/", "/a/{x}", "/a/..", "")) {
            assertThrows(IllegalArgumentException.class, () -> builder.staticContent(bad, StaticContent.directory(root)),
                    bad);
        }
        for (String bad : List.of("", "/", "web/../..", "a/../b")) {
            assertThrows(IllegalArgumentException.class, () -> StaticContent.classpath(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> StaticContent.directory(root.resolve("page.html")));
    }

    @Test
    void aHijackKeepsWhatItTakesAwayFromStaticContent(@TempDir Path classes) throws Exception {
        String source = """
                package hijackstatic;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(header = "X-Firewall"))
                public class Firewall {
                    @Route(path = "/open")
                    public String open() {
                        return "open";
                    }
                }
                """;
        ClassLoader loader = InProcessCompiler.compile(classes, Map.of("hijackstatic/Firewall.java", source),
                "hijackstatic.Router");
        Router router = (Router) loader.loadClass("hijackstatic.Router").getMethod("create").invoke(null);
        try (SpurServer guarded = SpurServer.builder(router).host("127.0.0.1").port(0)
                .staticContent("/", StaticContent.directory(root)).start();
             RawHttp client = RawHttp.local(guarded.port())) {
            assertEquals("<p>page</p>", client.send("GET", "/page.html").text());
            RawHttp.Answer taken = client.send("GET", "/page.html", Map.of("X-Firewall", "1"), null);
            assertProblem(taken, 404, "No route");
        }
    }
}
