package dev.spur.bench.bindings.catalog;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;

import java.util.concurrent.atomic.LongAdder;

/** Counts the answers of status 500 and above after proceeding (a status read and a compare per request). */
public final class FailureCount implements Layer {

    private final LongAdder failures = new LongAdder();

    @Override
    public void handle(Exchange exchange, Next next) {
        next.proceed(exchange);
        if (exchange.status() >= 500) {
            failures.increment();
        }
    }

    /** The 5xx answers counted so far. */
    public long failures() {
        return failures.sum();
    }
}
