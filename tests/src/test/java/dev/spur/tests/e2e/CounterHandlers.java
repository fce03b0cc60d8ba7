package dev.spur.tests.e2e;

import dev.spur.Route;

import java.util.concurrent.atomic.AtomicLong;

/** Default-constructible, but an instance may still be given to the router's builder. */
public class CounterHandlers {

    private final AtomicLong count;

    /** A counter from 0; the router creates one this way when the builder is given none. */
    public CounterHandlers() {
        this(0);
    }

    /** A counter from {@code start}. */
    public CounterHandlers(long start) {
        this.count = new AtomicLong(start);
    }

    /** Counts one more. */
    @Route(method = Route.POST, path = "/counter")
    public String increment() {
        return String.valueOf(count.incrementAndGet());
    }
}
