package dev.spur.bench.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderNames;

import java.util.Optional;

/**
 * Looks up the {@code X-Forwarded-For} request header and answers 400 without proceeding when it
 * lists more than {@link #MAX_HOPS} addresses; proceeds otherwise (a header lookup per request; the
 * benchmark requests carry none). {@code X-Forwarded-For} is one of Helidon's known header names,
 * looked up by index: looking up a name Helidon does not know makes its headers allocate their map
 * of custom headers (48 bytes, once per request) on the first lookup, which is Helidon's and not
 * the layer chain's cost.
 */
public final class ProxyHopLimit implements Layer {

    /** The most addresses an {@code X-Forwarded-For} may list. */
    public static final int MAX_HOPS = 8;

    @Override
    public void handle(Exchange exchange, Next next) {
        if (exchange.headers().contains(HeaderNames.X_FORWARDED_FOR)) {
            Optional<String> hops = exchange.headers().first(HeaderNames.X_FORWARDED_FOR);
            if (hops.isPresent() && hops.get().chars().filter(c -> c == ',').count() >= MAX_HOPS) {
                exchange.respond(400, null, null);
                return;
            }
        }
        next.proceed(exchange);
    }
}
