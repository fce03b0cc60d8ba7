package dev.spur.tests.e2e.services;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import dev.spur.runtime.layers.Deadline;

import java.time.Duration;

/** A 500 ms {@link Deadline} the router can create itself. */
public class ShopDeadline implements Layer {

    private final Deadline deadline = new Deadline(Duration.ofMillis(500));

    @Override
    public void handle(Exchange exchange, Next next) {
        deadline.handle(exchange, next);
    }
}
