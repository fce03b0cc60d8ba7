package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurFeature;
import dev.spur.runtime.layers.RouteMetrics;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spur's router mounted as a {@link SpurFeature} in a plain Helidon {@code WebServer} that has a
 * route of its own and Helidon's metrics endpoint; {@link RouteMetrics} tags every request with
 * the route template, which the scraped Prometheus text shows as one series per template.
 */
class MountedFeatureTest {

    private static final String SOURCE = """
            package mounted;

            import dev.spur.Route;

            public class Api {
                @Route(path = "/mounted/items/{id}")
                public String item(int id) { return "item " + id; }
            }
            """;

    private static WebServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("mounted/Api.java", SOURCE), "mounted.Router");
        Router router = (Router) loader.loadClass("mounted.Router").getMethod("create").invoke(null);
        server = WebServer.builder()
                .host("127.0.0.1").port(0)
                .addFeature(ObserveFeature.just(MetricsObserver.create()))
                .routing(routing -> routing
                        .addFeature(SpurFeature.builder(router).layer(new RouteMetrics()).build())
                        .get("/mine", (req, res) -> res.send("mine")))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static RawHttp.Answer get(String target, String... headers) throws IOException {
        return RawHttp.once(server.port(), "GET", target, headers);
    }

    @Test
    void theUsersOwnRouteAndSpursRouterAnswerSideBySide() throws IOException {
        assertEquals("mine", get("/mine").text());
        RawHttp.Answer item = get("/mounted/items/7");
        assertEquals(200, item.status(), item::text);
        assertEquals("item 7", item.text());
        RawHttp.Answer bad = get("/mounted/items/x");
        assertEquals(400, bad.status(), bad::text);
        assertTrue(bad.header("Content-Type").orElse("").startsWith("application/problem+json"), bad::text);
        RawHttp.Answer missing = get("/mounted/nothing");
        assertEquals(404, missing.status(), missing::text);
        assertTrue(missing.header("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void requestMetricsAreTaggedWithTheRouteTemplateNotThePath() throws IOException {
        assertEquals(200, get("/mounted/items/101").status());
        assertEquals(200, get("/mounted/items/202").status());
        assertEquals(404, get("/mounted/zzz-raw-path").status());
        RawHttp.Answer scrape = get("/observe/metrics", "Accept: text/plain");
        assertEquals(200, scrape.status(), scrape::text);
        String text = scrape.text();
        List<String> series = text.lines()
                .filter(l -> l.startsWith("http_server_request_duration_seconds_count{"))
                .filter(l -> l.contains("http_route=\"/mounted/items/{id}\""))
                .filter(l -> l.contains("http_response_status_code=\"200\""))
                .toList();
        assertEquals(1, series.size(), text);
        assertTrue(series.getFirst().contains("http_request_method=\"GET\""), series::toString);
        assertTrue(Double.parseDouble(series.getFirst().substring(series.getFirst().lastIndexOf(' ') + 1)) >= 2,
                series::toString);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("http_server_request_duration_seconds_count{")
                && l.contains("http_route=\"" + RouteMetrics.UNMATCHED + "\"")
                && l.contains("http_response_status_code=\"404\"")), text);
        assertFalse(text.contains("/mounted/items/101"), text);
        assertFalse(text.contains("zzz-raw-path"), text);
    }
}
