package dev.spur.tests.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Application layers sit outside every hijack: they wrap hijacked requests, normal routes and the
 * router's own 404/405 alike, run outermost first, may answer early, and what they throw is
 * answered like a handler's exception.
 */
class LayersAroundHijacksTest {

    private static final String SOURCE = """
            package layered;

            import dev.spur.Hijack;
            import dev.spur.Match;
            import dev.spur.Route;

            public class Api {
                @Route(path = "/items")
                public String items() { return "items"; }

                @Hijack(@Match(host = "echo.example.internal"))
                public static class Echo {
                    @Route(path = "/{*rest}")
                    public String echo(String rest) { return "echo " + rest; }
                }
            }
            """;

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static SpurServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("layered/Api.java", SOURCE), "layered.Router");
        Router router = (Router) loader.loadClass("layered.Router").getMethod("create").invoke(null);
        Layer trace = (exchange, next) -> {
            SEEN.add("outer " + exchange.rawPath());
            exchange.responseHeaders().set(io.helidon.http.HeaderNames.create("X-Layer"), "outer");
            next.proceed(exchange);
        };
        Layer auth = (exchange, next) -> {
            SEEN.add("auth");
            if (exchange.headers().contains(io.helidon.http.HeaderNames.create("X-Block"))) {
                throw new HttpProblem(401, "Unauthorized", "Blocked by the auth layer.");
            }
            if (exchange.headers().contains(io.helidon.http.HeaderNames.create("X-Boom"))) {
                throw new IllegalStateException("secret layer failure");
            }
            next.proceed(exchange);
        };
        server = SpurServer.builder(router).host("127.0.0.1").port(0).layer(trace).layer(auth).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static RawHttp.Answer get(String target, String... headers) throws IOException {
        return RawHttp.once(server.port(), "GET", target, headers);
    }

    @Test
    void layersWrapHijackedNormalAndRefusedRequests() throws IOException {
        RawHttp.Answer hijacked = get("/items", "Host", "echo.example.internal");
        assertEquals("echo items", hijacked.text());
        assertEquals("outer", hijacked.header("X-Layer").orElseThrow());
        RawHttp.Answer normal = get("/items");
        assertEquals("items", normal.text());
        assertEquals("outer", normal.header("X-Layer").orElseThrow());
        RawHttp.Answer missing = get("/nope");
        assertEquals(404, missing.status());
        assertEquals("outer", missing.header("X-Layer").orElseThrow());
        assertEquals(List.of("outer /items", "auth", "outer /items", "auth", "outer /nope", "auth"), SEEN);
    }

    @Test
    void aFallibleLayerAnswersBeforeAnyRouteOrHijack() throws IOException {
        RawHttp.Answer blockedHijack = get("/items", "Host", "echo.example.internal", "X-Block", "1");
        assertEquals(401, blockedHijack.status());
        assertTrue(blockedHijack.text().contains("Blocked by the auth layer."), blockedHijack.text());
        assertEquals(401, get("/items", "X-Block", "1").status());
    }

    @Test
    void aLayerThatThrowsIsA500WithoutItsMessage() throws IOException {
        RawHttp.Answer failed = get("/items", "X-Boom", "1");
        assertEquals(500, failed.status());
        assertFalse(failed.text().contains("secret"), failed.text());
        assertTrue(failed.text().contains("urn:uuid:"), failed.text());
        assertEquals(200, get("/items").status());
    }
}
