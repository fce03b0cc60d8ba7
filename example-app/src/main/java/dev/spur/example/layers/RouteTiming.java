package dev.spur.example.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

import java.util.Locale;

/**
 * After the rest of the chain, says which route answered and how long the application took:
 * {@code X-Route: GET /bookmarks/{id}} (absent when no route matched) and
 * {@code Server-Timing: app;dur=0.42} in milliseconds.
 */
public final class RouteTiming implements Layer {

    private static final HeaderName ROUTE = HeaderNames.create("X-Route");
    private static final HeaderName TIMING = HeaderNames.create("Server-Timing");

    @Override
    public void handle(Exchange exchange, Next next) {
        long start = System.nanoTime();
        next.proceed(exchange);
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        exchange.route().map(r -> r.method() + " " + r.template()).ifPresent(route -> exchange.responseHeaders().set(ROUTE,
                route.replaceAll("[^\\x20-\\x7e]", "?")));
        exchange.responseHeaders().set(TIMING, String.format(Locale.ROOT, "app;dur=%.2f", millis));
    }
}
