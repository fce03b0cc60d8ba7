package dev.spur.tests.e2e.services;

import dev.spur.Header;
import dev.spur.Layer;
import dev.spur.Query;
import dev.spur.Route;
import dev.spur.Service;
import dev.spur.runtime.layers.RequestId;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.services.inventory.Item;

import java.util.Optional;

/** The public {@code shop} service: its routes answer through the private inventory's binding. */
@Service(name = "shop")
@Route(path = "/shop")
@Layer(RequestId.class)
public class ShopHandlers {

    private final InventoryBinding inventory;

    /** The router creates the shop with its binding to the inventory. */
    public ShopHandlers(InventoryBinding inventory) {
        this.inventory = inventory;
    }

    /** An item of the inventory, or a 404; a layer that takes a binding adds its stock. */
    @Route(path = "/items/{sku}")
    @Layer(StockHeader.class)
    public Optional<Item> item(String sku) {
        return inventory.get(sku);
    }

    /** How many items have {@code tag}. */
    @Route(path = "/count")
    public Count count(@Query String tag) {
        return new Count(tag, inventory.list(Optional.of(tag), 100).size());
    }

    /** How many items have a tag. */
    public record Count(String tag, int count) {
    }

    /** The request id the inventory saw for this request. */
    @Route(path = "/request-id")
    public String requestId(@Header("X-Request-Id") Optional<String> ignored) {
        return inventory.requestId(Optional.empty());
    }

    /** Lets the inventory's failures through: 409 stays 409, a 500 is a 502. */
    @Route(method = Route.POST, path = "/conflict")
    public String conflict() {
        return inventory.conflict();
    }

    /** The inventory's 500, let through: a 502. */
    @Route(path = "/broken")
    public String broken() {
        return inventory.broken();
    }

    /** A slow inventory under a 500 ms deadline: the call gets no more time than the request has left. */
    @Route(path = "/bounded")
    @Layer(ShopDeadline.class)
    public String bounded(@Query int millis) {
        return inventory.slow(millis);
    }

    /** A slow inventory, let through: a 504 when the binding times out. */
    @Route(path = "/slow")
    public String slow(@Query int millis) {
        return inventory.slow(millis);
    }
}
