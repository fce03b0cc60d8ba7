package dev.spur.tests.e2e.services.inventory;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;

import java.util.concurrent.atomic.AtomicInteger;

/** The inventory service's layer: stamps every answer and counts the requests it saw. */
public class InventoryStamp implements Layer {

    /** Requests this layer saw, across instances (tests read the difference). */
    public static final AtomicInteger SEEN = new AtomicInteger();

    @Override
    public void handle(Exchange exchange, Next next) {
        SEEN.incrementAndGet();
        next.proceed(exchange);
        exchange.responseHeaders().set(io.helidon.http.HeaderNames.create("X-Inventory-Layer"), "ran");
    }
}
