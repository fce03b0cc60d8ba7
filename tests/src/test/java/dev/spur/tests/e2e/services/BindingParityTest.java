package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.SpurServer;
import dev.spur.runtime.services.Answered;
import dev.spur.runtime.services.BindingException;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.TestRouter;
import dev.spur.tests.e2e.services.inventory.InventoryStamp;
import dev.spur.tests.e2e.services.inventory.Item;
import dev.spur.tests.e2e.services.inventory.ItemInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One suite of binding calls run over both transports: in process (every service in one router)
 * and over HTTP (the inventory in another server on loopback, reached on its internal listener).
 * Each call must give the same status, headers, value or exception either way.
 */
class BindingParityTest extends BothTransports {

    @Test
    void theTwoBindingsReallyTakeDifferentTransports() {
        assertEquals("in process", alone.services().orElseThrow().binding("inventory").transport().describe());
        assertEquals("http://127.0.0.1:" + inventoryProcess.port(SpurServer.INTERNAL_LISTENER),
                shopRouter.services().orElseThrow().binding("inventory").transport().describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aValueComesBackAsTheRouteReturnedIt(String transport, InventoryBinding inventory) {
        assertEquals(Optional.of(new Item("apple", "Apple", 3, List.of("fruit"))), inventory.get("apple"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void anEmptyOptionalComesBackEmpty(String transport, InventoryBinding inventory) {
        assertEquals(Optional.empty(), inventory.get("plum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void queryParametersReachTheRoute(String transport, InventoryBinding inventory) {
        assertEquals(List.of("pear"), inventory.list(Optional.of("green"), 10).stream().map(Item::sku).toList());
        assertEquals(1, inventory.list(Optional.empty(), 1).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aBodyAndAHeaderReachTheRouteAndStatusAndHeadersComeBack(String transport, InventoryBinding inventory) {
        String sku = "kiwi-" + transport.replace(' ', '-');
        Answered<byte[]> created = inventory.putAnswer(sku, new ItemInput("Kiwi", 5, List.of("fruit")),
                Optional.of("tester"));
        assertEquals(201, created.status());
        assertEquals(Optional.of("tester"), created.header("X-Actor"));
        assertEquals(Optional.of("ran"), created.header("X-Inventory-Layer"), "the inventory's service layer ran");
        assertTrue(created.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(200, inventory.putAnswer(sku, new ItemInput("Kiwi", 6, List.of()), Optional.empty()).status());
        assertEquals(Optional.of(new Item(sku, "Kiwi", 6, List.of())), inventory.get(sku));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void pathParametersAreEncodedSoTheRouteReadsThemBack(String transport, InventoryBinding inventory) {
        String sku = "a b/c?d#e%f." + transport;
        inventory.put(sku, new ItemInput("Odd", 1, List.of()), Optional.empty());
        assertEquals(sku, inventory.get(sku).orElseThrow().sku());
        inventory.delete(sku);
        assertEquals(Optional.empty(), inventory.get(sku));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theTargetsLayersRunOncePerCall(String transport, InventoryBinding inventory) {
        int before = InventoryStamp.SEEN.get();
        inventory.get("apple");
        inventory.list(Optional.empty(), 5);
        assertEquals(before + 2, InventoryStamp.SEEN.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aProblemIsATypedExceptionWithItsStatusAndDetail(String transport, InventoryBinding inventory) {
        BindingException conflict = assertThrows(BindingException.class, inventory::conflict);
        assertEquals(409, conflict.serviceStatus());
        assertEquals(409, conflict.status(), "a 4xx is let through as it is");
        assertEquals("Conflict", conflict.title());
        assertEquals("The inventory is being counted.", conflict.detail());
        assertEquals("inventory", conflict.service());
        BindingException missing = assertThrows(BindingException.class, () -> inventory.delete("nothing"));
        assertEquals(404, missing.serviceStatus());
        assertEquals("No item 'nothing'.", missing.detail());
        BindingException invalid = assertThrows(BindingException.class,
                () -> inventory.put("x", new ItemInput("X", -1, List.of()), Optional.empty()));
        assertEquals(400, invalid.serviceStatus());
        assertEquals("Field 'count' must not be negative.", invalid.detail());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aServerErrorIsATypedExceptionLetThroughAsABadGateway(String transport, InventoryBinding inventory) {
        BindingException broken = assertThrows(BindingException.class, inventory::broken);
        assertEquals(500, broken.serviceStatus());
        assertEquals(502, broken.status());
        assertEquals("Internal Server Error", broken.title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void textComesBackAsText(String transport, InventoryBinding inventory) {
        assertEquals("rid-42", inventory.requestId(Optional.of("rid-42")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theRawCallAnswersWhateverTheStatus(String transport, InventoryBinding inventory) {
        Exchange found = inventory.call(inventory.request("GET", "/inventory/items/apple").build());
        assertEquals(200, found.status());
        assertTrue(found.responseText().contains("\"name\":\"Apple\""), found.responseText());
        Exchange missing = inventory.call(inventory.request("GET", "/inventory/nowhere").build());
        assertEquals(404, missing.status());
    }

    @Test
    void bothTransportsGiveEqualResultsForTheSameScript() {
        List<String> inProcess = script(ServiceProcesses.inventoryOf(ServiceProcesses.router()));
        List<String> overHttp;
        SpurServer inventory = ServiceProcesses.inventoryProcess();
        TestRouter shop = ServiceProcesses.router();
        try (SpurServer ignored = ServiceProcesses.shopProcess(shop, inventory, b -> { })) {
            overHttp = script(ServiceProcesses.inventoryOf(shop));
        } finally {
            inventory.stop();
        }
        assertEquals(inProcess, overHttp);
    }

    /** A fixed sequence of calls on a fresh inventory, each outcome as text: values, statuses, headers, exceptions. */
    private static List<String> script(InventoryBinding inventory) {
        List<String> outcomes = new ArrayList<>();
        List<Function<InventoryBinding, Object>> calls = List.of(
                i -> i.get("apple"),
                i -> i.get("plum"),
                i -> i.list(Optional.of("fruit"), 10),
                i -> summary(i.putAnswer("fig", new ItemInput("Fig", 2, List.of("dried")), Optional.of("me"))),
                i -> summary(i.putAnswer("fig", new ItemInput("Fig", 3, List.of()), Optional.empty())),
                i -> i.list(Optional.empty(), 10),
                i -> { i.delete("fig"); return "deleted"; },
                i -> { i.delete("fig"); return "deleted again"; },
                InventoryBinding::conflict,
                InventoryBinding::broken,
                i -> i.put("bad", new ItemInput("Bad", -5, List.of()), Optional.empty()));
        for (Function<InventoryBinding, Object> call : calls) {
            try {
                outcomes.add(String.valueOf(call.apply(inventory)));
            } catch (BindingException e) {
                outcomes.add(e.getClass().getSimpleName() + " " + e.serviceStatus() + " " + e.status() + " "
                        + e.problemType() + " " + e.title() + " " + e.detail() + " " + e.headers().get("content-type"));
            }
        }
        return outcomes;
    }

    private static String summary(Answered<byte[]> answer) {
        return answer.status() + " " + answer.header("X-Actor") + " " + answer.header("X-Inventory-Layer") + " "
                + answer.header("Content-Type") + " " + new String(answer.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
