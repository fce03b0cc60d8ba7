package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.e2e.TestRouter;
import dev.spur.tests.e2e.services.inventory.InventoryStamp;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The private inventory cannot be reached from a public listener by any path spelling, method,
 * host, header or absolute-form target, and its layer never runs for such a request; the internal
 * listener answers only with the shared credential. Public routes that use the inventory through
 * its binding work on the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateServiceVisibilityTest {

    private TestRouter router;
    private SpurServer server;

    @BeforeAll
    void start() {
        router = ServiceProcesses.router();
        server = ServiceProcesses.oneProcess(router);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private RawHttp.Answer send(int port, String method, String target, Map<String, String> headers)
            throws IOException {
        try (RawHttp http = RawHttp.local(port)) {
            return http.send(method, target, headers, method.equals("PUT")
                    ? "{\"name\":\"Stolen\",\"count\":1}".getBytes(StandardCharsets.UTF_8) : null);
        }
    }

    private int internalPort() {
        return server.port(SpurServer.INTERNAL_LISTENER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/inventory/items/apple", "/inventory/items/apple/", "//inventory/items/apple",
        "/%69nventory/items/apple", "/inventory/%69tems/apple", "/INVENTORY/items/apple", "/./inventory/items/apple",
        "/x/../inventory/items/apple", "/inventory/./items/apple", "/inventory;x/items/apple",
        "/inventory%2Fitems%2Fapple", "/inventory/items/apple?x=1", "/inventory/items/apple#f",
        "/inventory/items/%61pple", "/inventory/items", "/inventory/items?tag=fruit", "/inventory/request-id",
        "/inventory/broken", "/inventory/slow?millis=1", "http://localhost/inventory/items/apple",
        "http://internal/inventory/items/apple"})
    void noSpellingReachesAPrivateRouteFromThePublicListener(String target) throws IOException {
        int before = InventoryStamp.SEEN.get();
        for (String method : List.of("GET", "HEAD", "PUT", "DELETE", "POST", "OPTIONS")) {
            for (Map<String, String> headers : hostileHeaders()) {
                RawHttp.Answer answer = send(server.port(), method, target, headers);
                assertTrue(answer.status() == 404 || answer.status() == 400,
                        method + " " + target + " " + headers + " answered " + answer.status() + " " + answer.text());
                assertFalse(answer.header("Allow").isPresent(), "an Allow header names private methods: "
                        + method + " " + target);
                assertFalse(answer.text().contains("Apple"), "the private answer leaked: " + answer.text());
            }
        }
        assertEquals(before, InventoryStamp.SEEN.get(), "the private service's layer ran for a public request");
    }

    /** Headers a client might hope make it look internal: the real credential included, on the wrong listener. */
    private static List<Map<String, String>> hostileHeaders() {
        Map<String, String> credential = new LinkedHashMap<>();
        credential.put("Spur-Credential", ServiceProcesses.CREDENTIAL);
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("X-Forwarded-For", "127.0.0.1");
        forwarded.put("X-Forwarded-Host", "internal");
        forwarded.put("Forwarded", "for=127.0.0.1;host=internal");
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("Host", "internal");
        hosts.put("X-Spur-Internal", "true");
        return List.of(Map.of(), credential, forwarded, hosts);
    }

    @Test
    void randomSpellingsThatReachThePrivateRouteInternallyNeverReachItPublicly() throws IOException {
        // a differential check: every spelling the internal listener routes to the private item is
        // one the public listener must refuse
        java.util.Random random = new java.util.Random(Long.getLong("spur.seed", 20261206L));
        int reachedInternally = 0;
        for (int i = 0; i < 400; i++) {
            String target = spell("/inventory/items/apple", random);
            RawHttp.Answer internal = send(internalPort(), "GET", target,
                    Map.of("Spur-Credential", ServiceProcesses.CREDENTIAL));
            RawHttp.Answer outside = send(server.port(), "GET", target, Map.of());
            if (internal.status() == 200) {
                reachedInternally++;
            }
            assertTrue(outside.status() == 404 || outside.status() == 400,
                    target + " answered " + outside.status() + " on the public listener: " + outside.text());
        }
        assertTrue(reachedInternally > 100, "too few spellings reached the route at all: " + reachedInternally);
    }

    /** {@code path} with random characters percent-encoded (either case), and sometimes dot segments or doubled slashes. */
    private static String spell(String path, java.util.Random random) {
        StringBuilder spelled = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c != '/' && random.nextInt(4) == 0) {
                String hex = String.format("%02X", (int) c);
                spelled.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase(java.util.Locale.ROOT));
            } else {
                spelled.append(c);
            }
        }
        return switch (random.nextInt(8)) {
            case 0 -> "/x/.." + spelled;
            case 1 -> "/." + spelled;
            case 2 -> spelled + "?via=" + random.nextInt(100);
            default -> spelled.toString();
        };
    }

    @Test
    void theSameRequestsAreAnsweredOnTheInternalListenerWithTheCredential() throws IOException {
        Map<String, String> credential = Map.of("Spur-Credential", ServiceProcesses.CREDENTIAL);
        int before = InventoryStamp.SEEN.get();
        for (String target : List.of("/inventory/items/apple", "/%69nventory/items/apple", "/inventory/items/apple/",
                "/inventory/items/%61pple")) {
            RawHttp.Answer answer = send(internalPort(), "GET", target, credential);
            assertTrue(answer.status() == 200 || answer.status() == 404, target + " " + answer.status());
            if (!target.endsWith("/")) {
                assertEquals(200, answer.status(), target + " " + answer.text());
                assertTrue(answer.text().contains("Apple"), answer.text());
                assertEquals("ran", answer.header("X-Inventory-Layer").orElse(null));
            }
        }
        assertTrue(InventoryStamp.SEEN.get() > before);
    }

    @Test
    void theInternalListenerRefusesRequestsWithoutTheCredential() throws IOException {
        int before = InventoryStamp.SEEN.get();
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Spur-Credential", "wrong"),
                Map.of("Spur-Credential", ServiceProcesses.CREDENTIAL + "x"), Map.of("Spur-Credential", ""),
                Map.of("Authorization", "Bearer " + ServiceProcesses.CREDENTIAL))) {
            for (String target : List.of("/inventory/items/apple", "/shop/items/apple", "/nowhere")) {
                RawHttp.Answer answer = send(internalPort(), "GET", target, headers);
                assertEquals(401, answer.status(), target + " " + headers + " " + answer.text());
                assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"));
                assertFalse(answer.text().contains("Apple"));
            }
        }
        assertEquals(before, InventoryStamp.SEEN.get(), "a refused request reached the inventory's layer");
    }

    @Test
    void publicRoutesUseThePrivateServiceThroughTheirBinding() throws IOException {
        RawHttp.Answer item = send(server.port(), "GET", "/shop/items/apple", Map.of());
        assertEquals(200, item.status(), item.text());
        assertTrue(item.text().contains("\"name\":\"Apple\""), item.text());
        assertEquals("3", item.header("X-Stock").orElse(null), "the layer's own binding call");
        assertEquals(404, send(server.port(), "GET", "/shop/items/plum", Map.of()).status());
        RawHttp.Answer count = send(server.port(), "GET", "/shop/count?tag=fruit", Map.of());
        assertEquals("{\"tag\":\"fruit\",\"count\":2}", count.text());
        RawHttp.Answer conflict = send(server.port(), "POST", "/shop/conflict", Map.of());
        assertEquals(409, conflict.status());
        assertTrue(conflict.text().contains("The inventory is being counted."), conflict.text());
        RawHttp.Answer broken = send(server.port(), "GET", "/shop/broken", Map.of());
        assertEquals(502, broken.status(), broken.text());
        RawHttp.Answer id = send(server.port(), "GET", "/shop/request-id", Map.of("X-Request-Id", "rid-in-process"));
        assertEquals("rid-in-process", id.text(), "the request id reaches the private service");
    }

    @Test
    void theRouteTableNamesEachRoutesServiceAndVisibility() {
        assertTrue(router.routes().stream().anyMatch(r -> r.template().equals("/inventory/items/{sku}")
                && r.service().equals("inventory") && r.privateService()));
        assertTrue(router.routes().stream().anyMatch(r -> r.template().equals("/shop/items/{sku}")
                && r.service().equals("shop") && !r.privateService()));
        assertTrue(router.routes().stream().anyMatch(r -> r.service().equals("default") && !r.privateService()));
    }
}
