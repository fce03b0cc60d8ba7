package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.e2e.TestRouter;
import dev.spur.tests.support.RawHttp;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The services settings from Helidon Config ({@code server.services}, {@code server.bindings},
 * {@code server.binding-timeout}, {@code server.internal}): applied when well formed, and an
 * unknown key, a malformed value or a contradiction fails start-up naming the key.
 */
class ServiceSettingsTest {

    private static Config server(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("server");
    }

    private static Map<String, String> base() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        return values;
    }

    @Test
    void twoProcessesConfiguredFromSettingsCallEachOther() throws IOException {
        Map<String, String> inventory = base();
        inventory.put("server.services", "inventory");
        inventory.put("server.internal.port", "0");
        inventory.put("server.internal.credential", ServiceProcesses.CREDENTIAL);
        try (SpurServer inventoryProcess = SpurServer.builder(ServiceProcesses.router()).config(server(inventory))
                .start()) {
            Map<String, String> shop = base();
            shop.put("server.services.0", "shop");       // a YAML list
            shop.put("server.services.1", "default");
            shop.put("server.bindings.inventory.uri", "http://127.0.0.1:"
                    + inventoryProcess.port(SpurServer.INTERNAL_LISTENER));
            shop.put("server.bindings.inventory.timeout", "PT5S");
            shop.put("server.binding-timeout", "PT2S");
            shop.put("server.internal.credential", ServiceProcesses.CREDENTIAL);
            TestRouter router = ServiceProcesses.router();
            try (SpurServer shopProcess = SpurServer.builder(router).config(server(shop)).start();
                    RawHttp http = RawHttp.local(shopProcess.port())) {
                RawHttp.Answer item = http.send("GET", "/shop/items/apple");
                assertEquals(200, item.status(), item.text());
                assertTrue(router.services().orElseThrow().binding("inventory").transport().describe()
                        .startsWith("http://127.0.0.1:"));
                assertEquals(200, http.send("GET", "/greet/ann").status(), "the default service runs here");
            }
            try (RawHttp http = RawHttp.local(inventoryProcess.port())) {
                assertEquals(404, http.send("GET", "/greet/ann").status(), "the default service does not run there");
            }
        }
    }

    @Test
    void malformedServicesSettingsFailStartUpNamingTheKey() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("server.internal.port", "eighty");
        cases.put("server.internal.credential", "short");
        cases.put("server.binding-timeout", "ten seconds");
        cases.put("server.bindings.inventory.uri", "ftp://host");
        cases.put("server.bindings.inventory.timeout", "-PT1S");
        cases.put("server.bindings.inventory.url", "http://host:1");
        cases.put("server.internal.host", "0.0.0.0");
        cases.forEach((key, value) -> {
            Map<String, String> values = base();
            values.put(key, value);
            if (key.startsWith("server.bindings") && !key.endsWith("uri") && !key.endsWith("url")) {
                values.put("server.bindings.inventory.uri", "http://127.0.0.1:1");
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpurServer.builder(ServiceProcesses.router()).config(server(values)), key);
            String named = key.substring(0, key.lastIndexOf('.') + 1);
            assertTrue(e.getMessage().contains(key) || e.getMessage().contains(named), key + ": " + e.getMessage());
        });
    }

    @Test
    void anInternalPortWithoutCredentialOrAnUnknownServiceFailsNamingIt() {
        Map<String, String> noCredential = base();
        noCredential.put("server.internal.port", "0");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).config(server(noCredential)));
        assertTrue(missing.getMessage().contains("server.internal.credential"), missing.getMessage());
        Map<String, String> unknown = base();
        unknown.put("server.services", "shop, warehouse");
        IllegalArgumentException nowhere = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).config(server(unknown)).start());
        assertTrue(nowhere.getMessage().contains("warehouse"), nowhere.getMessage());
    }
}
