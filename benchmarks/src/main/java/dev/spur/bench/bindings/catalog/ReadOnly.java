package dev.spur.bench.bindings.catalog;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;

/** Answers 405 to anything but {@code GET} and {@code HEAD} without proceeding (a method read and two compares). */
public final class ReadOnly implements Layer {

    @Override
    public void handle(Exchange exchange, Next next) {
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.respond(405, null, null);
            return;
        }
        next.proceed(exchange);
    }
}
