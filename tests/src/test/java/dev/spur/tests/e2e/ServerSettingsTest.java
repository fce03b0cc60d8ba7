package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.Main;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Server settings from Helidon Config: applied when well formed, and an unknown key or a malformed
 * value fails start-up with a message naming the key.
 */
class ServerSettingsTest {

    private static SpurServer.Builder builder() {
        return SpurServer.builder(Main.router(new InMemoryBookmarkStore(), WriteAccess.token("t")));
    }

    private static Config server(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("server");
    }

    @Test
    void settingsFromConfigurationAreApplied() throws IOException {
        SpurServer server = builder().config(server(Map.of("server.host", "127.0.0.1", "server.port", "0",
                "server.listeners.admin", "0", "server.max-payload-size", "16"))).start();
        try (RawHttp http = RawHttp.local(server.port()); RawHttp admin = RawHttp.local(server.port("admin"))) {
            assertEquals(200, http.send("GET", "/bookmarks").status());
            assertEquals(200, admin.send("GET", "/admin/health").status());
            RawHttp.Answer big = http.send("POST", "/bookmarks", Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer t"), "{\"url\":\"https://example.org/a/long/url\"}".getBytes());
            assertEquals(413, big.status(), big::text);
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnknownKeyFailsStartUpNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().config(server(Map.of("server.prot", "8080"))));
        assertTrue(e.getMessage().contains("'server.prot'"), e.getMessage());
    }

    @Test
    void malformedValuesFailStartUpNamingTheKey() {
        Map<String, String> cases = Map.of(
                "server.port", "eighty",
                "server.max-payload-size", "0",
                "server.idle-connection-timeout", "5 minutes",
                "server.listeners.admin", "70000",
                "server.print-routes", "yes",
                "server.http2", "on");
        cases.forEach((key, value) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder().config(server(Map.of(key, value))), key);
            assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        });
    }

    @Test
    void anAbsentNodeChangesNothing() {
        SpurServer server = builder().host("127.0.0.1").port(0).config(server(Map.of("other.key", "1"))).start();
        try {
            assertTrue(server.port() > 0);
        } finally {
            server.stop();
        }
    }
}
