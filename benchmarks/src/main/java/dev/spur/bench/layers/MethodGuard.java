package dev.spur.bench.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;

/** Answers 405 to {@code TRACE} without proceeding; proceeds for everything else (a method read and a compare). */
public final class MethodGuard implements Layer {

    @Override
    public void handle(Exchange exchange, Next next) {
        if (exchange.method().equals("TRACE")) {
            exchange.respond(405, null, null);
            return;
        }
        next.proceed(exchange);
    }
}
