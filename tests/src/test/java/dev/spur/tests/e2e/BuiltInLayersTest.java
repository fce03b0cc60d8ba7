package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.runtime.layers.AccessLog;
import dev.spur.runtime.layers.BearerAuth;
import dev.spur.runtime.layers.Deadline;
import dev.spur.runtime.layers.RequestId;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in layers on a running server, over raw HTTP: request ids on every answer (404s
 * included), one access-log line per request with the route template and the real status, the
 * deadline's 503, bearer authentication, and Helidon's CORS handling in front of the router.
 */
class BuiltInLayersTest {

    private static final String SOURCE = """
            package builtins;

            import dev.spur.Route;

            public class Api {
                @Route(path = "/items/{id}")
                public String item(String id) { return "item " + id; }

                @Route(path = "/boom")
                public String boom() { throw new IllegalStateException("secret failure"); }

                @Route(path = "/slow")
                public String slow() throws InterruptedException {
                    Thread.sleep(10_000);
                    return "late";
                }

                @Route(path = "/private/me")
                public String me() { return "me"; }
            }
            """;

    private static final String ORIGIN = "https://app.example.com";
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static SpurServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("builtins/Api.java", SOURCE), "builtins.Router");
        Router router = (Router) loader.loadClass("builtins.Router").getMethod("create").invoke(null);
        BearerAuth auth = BearerAuth.token("let-me-in");
        server = SpurServer.builder(router).host("127.0.0.1").port(0)
                .layer(new RequestId())
                .layer(new AccessLog(LINES::add))
                .layer(new Deadline(Duration.ofMillis(300)))
                .layer((exchange, next) -> {
                    if (exchange.rawPath().startsWith("/private/")) {
                        auth.handle(exchange, next);
                    } else {
                        next.proceed(exchange);
                    }
                })
                .cors(cors -> cors.addPath(path -> path
                        .pathPattern("/*")
                        .allowOrigins(Set.of(ORIGIN))
                        .allowMethods(Set.of("GET"))))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void clear() {
        LINES.clear();
    }

    private static RawHttp.Answer send(String method, String target, String... headers) throws IOException {
        return RawHttp.once(server.port(), method, target, headers);
    }

    /** The access log line of the last request; it is written after the answer is composed. */
    private static String lastLine() throws InterruptedException {
        for (int i = 0; i < 100 && LINES.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(1, LINES.size(), LINES.toString());
        return LINES.getFirst();
    }

    @Test
    void aNotFoundCarriesTheRequestIdAndIsLoggedWithoutTemplate() throws Exception {
        RawHttp.Answer missing = send("GET", "/nope", "X-Request-Id", "client-id-1");
        assertEquals(404, missing.status());
        assertEquals("client-id-1", missing.header("X-Request-Id").orElseThrow());
        String line = lastLine();
        assertTrue(line.startsWith("GET /nope route=- status=404 duration_ms="), line);
        assertTrue(line.endsWith(" request_id=client-id-1"), line);
    }

    @Test
    void aRoutedRequestIsLoggedWithItsTemplate() throws Exception {
        RawHttp.Answer item = send("GET", "/items/42");
        assertEquals(200, item.status());
        assertEquals("item 42", item.text());
        String id = item.header("X-Request-Id").orElseThrow();
        assertEquals(id, UUID.fromString(id).toString(), "generated");
        String line = lastLine();
        assertTrue(line.startsWith("GET /items/42 route=/items/{id} status=200 duration_ms="), line);
        assertTrue(line.endsWith(" request_id=" + id), line);
    }

    @Test
    void aFailureIsA500WithTheRequestIdLoggedAs500() throws Exception {
        RawHttp.Answer failed = send("GET", "/boom", "X-Request-Id", "boom-1");
        assertEquals(500, failed.status());
        assertFalse(failed.text().contains("secret"), failed.text());
        assertEquals("boom-1", failed.header("X-Request-Id").orElseThrow());
        assertTrue(lastLine().startsWith("GET /boom route=/boom status=500 "), LINES.toString());
    }

    @Test
    void aSlowHandlerIsCutOffAt503() throws Exception {
        long start = System.nanoTime();
        RawHttp.Answer slow = send("GET", "/slow", "X-Request-Id", "slow-1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, slow.status());
        assertTrue(millis < 5_000, "interrupted, not slept out: " + millis);
        assertTrue(slow.text().contains("deadline of 300 ms"), slow.text());
        assertEquals("slow-1", slow.header("X-Request-Id").orElseThrow());
        assertTrue(lastLine().startsWith("GET /slow route=/slow status=503 "), LINES.toString());
        // the connection's thread is not left interrupted: the next request is served normally
        assertEquals(200, send("GET", "/items/1").status());
    }

    @Test
    void bearerAuthRefusesBeforeTheHandler() throws Exception {
        RawHttp.Answer refused = send("GET", "/private/me");
        assertEquals(401, refused.status());
        assertEquals("Bearer", refused.header("WWW-Authenticate").orElseThrow());
        assertTrue(lastLine().startsWith("GET /private/me route=- status=401 "), LINES.toString());
        RawHttp.Answer wrong = send("GET", "/private/me", "Authorization", "Bearer nope");
        assertEquals("Bearer error=\"invalid_token\"", wrong.header("WWW-Authenticate").orElseThrow());
        RawHttp.Answer allowed = send("GET", "/private/me", "Authorization", "Bearer let-me-in");
        assertEquals(200, allowed.status());
        assertEquals("me", allowed.text());
    }

    @Test
    void corsPreflightIsAnsweredByHelidon() throws Exception {
        RawHttp.Answer preflight = send("OPTIONS", "/items/1", "Origin", ORIGIN,
                "Access-Control-Request-Method", "GET");
        assertEquals(200, preflight.status(), preflight.headers().toString());
        assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET", preflight.header("Access-Control-Allow-Methods").orElseThrow());
        assertTrue(preflight.header("X-Request-Id").isEmpty(), "Helidon answered it, not the router");
        assertTrue(LINES.isEmpty(), "a preflight never reaches Spur's layers: " + LINES);

        RawHttp.Answer foreign = send("OPTIONS", "/items/1", "Origin", "https://evil.example.net",
                "Access-Control-Request-Method", "GET");
        assertEquals(403, foreign.status());
        assertTrue(foreign.header("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void aSimpleCrossOriginRequestGetsAllowOrigin() throws Exception {
        RawHttp.Answer simple = send("GET", "/items/7", "Origin", ORIGIN);
        assertEquals(200, simple.status());
        assertEquals("item 7", simple.text());
        assertEquals(ORIGIN, simple.header("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(simple.header("X-Request-Id").isPresent());

        RawHttp.Answer sameOrigin = send("GET", "/items/7");
        assertTrue(sameOrigin.header("Access-Control-Allow-Origin").isEmpty());
    }
}
