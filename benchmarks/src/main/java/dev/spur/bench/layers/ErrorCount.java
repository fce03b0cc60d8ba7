package dev.spur.bench.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;

import java.util.concurrent.atomic.LongAdder;

/** Counts the answers of status 500 and above after proceeding (a status read and a compare per request). */
public final class ErrorCount implements Layer {

    private final LongAdder errors = new LongAdder();

    @Override
    public void handle(Exchange exchange, Next next) {
        next.proceed(exchange);
        if (exchange.status() >= 500) {
            errors.increment();
        }
    }

    /** The 5xx answers counted so far. */
    public long errors() {
        return errors.sum();
    }
}
