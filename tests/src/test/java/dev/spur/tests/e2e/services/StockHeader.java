package dev.spur.tests.e2e.services;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.services.inventory.Item;

import io.helidon.http.HeaderNames;

/** A layer that takes a binding: it adds {@code X-Stock}, the count the inventory has of the route's {@code sku}. */
public class StockHeader implements Layer {

    private final InventoryBinding inventory;

    /** The router creates it with its binding. */
    public StockHeader(InventoryBinding inventory) {
        this.inventory = inventory;
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        next.proceed(exchange);
        exchange.pathParameter("sku").flatMap(inventory::get).map(Item::count)
                .ifPresent(count -> exchange.responseHeaders().set(HeaderNames.create("X-Stock"), count.toString()));
    }
}
