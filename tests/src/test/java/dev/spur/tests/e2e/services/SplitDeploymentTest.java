package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.runtime.services.BindingTimeoutException;
import dev.spur.runtime.services.BindingUnavailableException;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.TestRouter;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same services split over two servers on loopback: the shop's public routes answer through
 * the inventory in the other process; a dead or slow inventory is a typed exception for the
 * caller and a 502 or 504 problem for its client, never a hang; what each process serves is what
 * its configuration says.
 */
class SplitDeploymentTest {

    /** A bound for "never hangs": far above any answer here, far below the test's patience. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    private static RawHttp.Answer get(int port, String target, Map<String, String> headers) throws IOException {
        try (RawHttp http = RawHttp.local(port)) {
            return http.send("GET", target, headers, null);
        }
    }

    @Test
    void twoServersOnLoopbackCallEachOtherThroughTheInternalListener() throws IOException {
        try (SpurServer inventory = ServiceProcesses.inventoryProcess();
                SpurServer shop = ServiceProcesses.shopProcess(ServiceProcesses.router(), inventory, b -> { })) {
            RawHttp.Answer item = get(shop.port(), "/shop/items/pear", Map.of());
            assertEquals(200, item.status(), item.text());
            assertTrue(item.text().contains("\"name\":\"Pear\""), item.text());
            assertEquals("0", item.header("X-Stock").orElse(null), "a layer's binding goes over HTTP too");
            assertEquals("rid-split", get(shop.port(), "/shop/request-id", Map.of("X-Request-Id", "rid-split")).text(),
                    "the request id crosses the process boundary");
            assertEquals(502, get(shop.port(), "/shop/broken", Map.of()).status());
            // each process serves only its own services
            assertEquals(404, get(shop.port(), "/inventory/items/pear", Map.of()).status());
            assertEquals(404, get(inventory.port(), "/shop/items/pear", Map.of()).status());
            assertEquals(404, get(inventory.port(), "/inventory/items/pear", Map.of()).status(),
                    "the inventory process's public listener does not serve its private service");
            assertEquals(200, get(inventory.port(SpurServer.INTERNAL_LISTENER), "/inventory/items/pear",
                    Map.of("Spur-Credential", ServiceProcesses.CREDENTIAL)).status());
            assertEquals(401, get(inventory.port(SpurServer.INTERNAL_LISTENER), "/inventory/items/pear", Map.of())
                    .status());
        }
    }

    @Test
    void aDeadTargetIsATypedExceptionAndA502() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestRouter router = ServiceProcesses.router();
        try (SpurServer shop = ServiceProcesses.shopProcess(router, URI.create("http://127.0.0.1:" + closedPort),
                b -> { })) {
            InventoryBinding inventory = ServiceProcesses.inventoryOf(router);
            BindingUnavailableException dead = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(BindingUnavailableException.class, () -> inventory.get("apple")));
            assertEquals(502, dead.status());
            assertEquals("inventory", dead.service());
            assertTrue(dead.detail().contains("127.0.0.1:" + closedPort), dead.detail());
            RawHttp.Answer answer = assertTimeoutPreemptively(NO_HANG, () -> get(shop.port(), "/shop/items/apple",
                    Map.of()));
            assertEquals(502, answer.status(), answer.text());
            assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    @Test
    void aSlowTargetIsATypedTimeoutAndA504() throws IOException {
        TestRouter router = ServiceProcesses.router();
        try (SpurServer inventory = ServiceProcesses.inventoryProcess();
                SpurServer shop = ServiceProcesses.shopProcess(router, URI.create("http://127.0.0.1:"
                        + inventory.port(SpurServer.INTERNAL_LISTENER)), b -> b.binding("inventory", URI.create(
                        "http://127.0.0.1:" + inventory.port(SpurServer.INTERNAL_LISTENER)), Duration.ofMillis(300)))) {
            InventoryBinding binding = ServiceProcesses.inventoryOf(router);
            BindingTimeoutException slow = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(BindingTimeoutException.class, () -> binding.slow(5_000)));
            assertEquals(504, slow.status());
            RawHttp.Answer answer = assertTimeoutPreemptively(NO_HANG, () -> get(shop.port(), "/shop/slow?millis=5000",
                    Map.of()));
            assertEquals(504, answer.status(), answer.text());
            assertEquals("late", binding.slow(1), "a fast answer within the timeout still comes back");
        }
    }

    @Test
    void theCallersDeadlineBoundsTheCallInProcessAndOverHttp() {
        try (SpurServer alone = ServiceProcesses.oneProcess(ServiceProcesses.router());
                SpurServer inventory = ServiceProcesses.inventoryProcess();
                SpurServer shop = ServiceProcesses.shopProcess(ServiceProcesses.router(), inventory, b -> { })) {
            for (SpurServer caller : java.util.List.of(alone, shop)) {
                // the inventory sleeps 10 s; the shop's request has 500 ms: it ends with the deadline
                RawHttp.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(8),
                        () -> get(caller.port(), "/shop/bounded?millis=10000", Map.of()));
                assertEquals(503, answer.status(), answer.text());
                assertTrue(answer.text().contains("deadline"), answer.text());
            }
        }
    }

    @Test
    void aPublicServiceWithAHostAnswersOnlyOnThatHost() throws IOException {
        try (SpurServer server = ServiceProcesses.oneProcess(ServiceProcesses.router())) {
            for (String host : java.util.List.of("partner.example", "PARTNER.example", "partner.example.",
                    "partner.example:8080")) {
                RawHttp.Answer answer = get(server.port(), "/partner/ping", Map.of("Host", host));
                assertEquals(200, answer.status(), host + " " + answer.text());
                assertEquals("pong", answer.text());
            }
            for (String host : java.util.List.of("localhost", "evil.example", "partner.example.evil",
                    "xpartner.example")) {
                assertEquals(404, get(server.port(), "/partner/ping", Map.of("Host", host)).status(), host);
            }
        }
    }

    @Test
    void aServiceThatRunsNowhereFailsStartUpNamingTheSetting() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).port(0).services("shop").start());
        assertTrue(missing.getMessage().contains("server.bindings.inventory.uri"), missing.getMessage());
        IllegalArgumentException apart = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).port(0).services("inventory").start());
        assertTrue(apart.getMessage().contains("server.internal.port"), apart.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).port(0).services("warehouse").start());
        assertTrue(unknown.getMessage().contains("warehouse"), unknown.getMessage());
        IllegalArgumentException here = assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).port(0).internalCredential(ServiceProcesses.CREDENTIAL)
                        .binding("inventory", URI.create("http://127.0.0.1:1")).start());
        assertTrue(here.getMessage().contains("runs in this process"), here.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SpurServer.builder(ServiceProcesses.router()).internalListener(0, "short"));
    }

    @Test
    void aBindingToAServiceThatRunsNowhereIsUnavailableNotA404() {
        TestRouter router = ServiceProcesses.router();
        router.services().orElseThrow().runOnly(java.util.Set.of("shop"));
        BindingUnavailableException nowhere = assertThrows(BindingUnavailableException.class,
                () -> ServiceProcesses.inventoryOf(router).get("apple"));
        assertTrue(nowhere.detail().contains("server.bindings.inventory"), nowhere.detail());
    }
}
