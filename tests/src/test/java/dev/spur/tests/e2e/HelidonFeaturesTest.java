package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.Main;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Helidon's own features beside Spur's router: the observe endpoints added through
 * {@code SpurServer.Builder.configure} answer on their paths (the router's catch-all no longer
 * swallows them), and everything else is still the router's, its 404 problem included.
 */
class HelidonFeaturesTest {

    private final AtomicBoolean ready = new AtomicBoolean(true);
    private SpurServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(ready.get() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN)
                        .build(), io.helidon.health.HealthCheckType.READINESS, "store")
                .build();
        server = SpurServer.builder(Main.router(new InMemoryBookmarkStore(), WriteAccess.token("t")))
                .host("127.0.0.1").port(0)
                .configure(config -> config.addFeature(ObserveFeature.just(health)))
                .start();
        http = RawHttp.local(server.port());
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop();
    }

    @Test
    void helidonsHealthEndpointAnswersBesideTheRouter() throws IOException {
        RawHttp.Answer health = http.send("GET", "/observe/health");
        assertEquals(200, health.status(), health::text);
        assertTrue(health.text().contains("UP"), health.text());
        ready.set(false);
        RawHttp.Answer down = http.send("GET", "/observe/health/ready");
        assertEquals(503, down.status(), down::text);
    }

    @Test
    void everythingElseIsStillTheRouters() throws IOException {
        assertEquals(200, http.send("GET", "/bookmarks").status());
        RawHttp.Answer missing = http.send("GET", "/no/such/page");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.header("Content-Type").orElseThrow());
        assertTrue(missing.header("X-Request-Id").isPresent(), "the router's layers answered it");
    }
}
