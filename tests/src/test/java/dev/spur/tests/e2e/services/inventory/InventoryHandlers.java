package dev.spur.tests.e2e.services.inventory;

import dev.spur.Body;
import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Route;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The private inventory: items by SKU, and routes that fail or wait on purpose. */
@Route(path = "/inventory")
public class InventoryHandlers {

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    /** An inventory with two items. */
    public InventoryHandlers() {
        items.put("apple", new Item("apple", "Apple", 3, List.of("fruit")));
        items.put("pear", new Item("pear", "Pear", 0, List.of("fruit", "green")));
    }

    /** One item, or a 404. */
    @Route(path = "/items/{sku}")
    public Optional<Item> get(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    /** Items with a tag (all without), at most {@code limit}, by SKU. */
    @Route(path = "/items")
    public List<Item> list(@Query Optional<String> tag, @Query(defaultValue = "10") int limit) {
        return new TreeMap<>(items).values().stream().filter(i -> tag.map(i.tags()::contains).orElse(true))
                .limit(limit).toList();
    }

    /** Stores an item; the actor, when given, is echoed in {@code X-Actor}. */
    @Route(method = Route.PUT, path = "/items/{sku}")
    public Response put(String sku, @Body ItemInput input, @Header("X-Actor") Optional<String> actor) {
        if (input.count() < 0) {
            throw HttpProblem.badRequest("Field 'count' must not be negative.");
        }
        Item item = new Item(sku, input.name(), input.count(), input.tags() == null ? List.of() : input.tags());
        boolean created = items.put(sku, item) == null;
        Response.Builder response = Response.status(created ? 201 : 200);
        actor.ifPresent(a -> response.header("X-Actor", a));
        return response.body(item);
    }

    /** Removes an item: 204, or a 404. */
    @Route(method = Route.DELETE, path = "/items/{sku}")
    public void delete(String sku) {
        if (items.remove(sku) == null) {
            throw HttpProblem.notFound("No item '" + sku + "'.");
        }
    }

    /** The request id this route saw, as text. */
    @Route(path = "/request-id")
    public String requestId(@Header("X-Request-Id") Optional<String> requestId) {
        return requestId.orElse("none");
    }

    /** Always a 409 problem. */
    @Route(method = Route.POST, path = "/conflict")
    public String conflict() {
        throw new HttpProblem(409, "Conflict", "The inventory is being counted.");
    }

    /** Always a 500: the handler fails. */
    @Route(path = "/broken")
    public String broken() {
        throw new IllegalStateException("a bug in the inventory");
    }

    /** Answers after {@code millis} milliseconds. */
    @Route(path = "/slow")
    public String slow(@Query int millis) throws InterruptedException {
        Thread.sleep(millis);
        return "late";
    }
}
