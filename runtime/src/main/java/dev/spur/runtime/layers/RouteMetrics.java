package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import dev.spur.runtime.RouteInfo;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records every request in a Helidon metrics timer {@value #METER_NAME} (seconds), tagged with
 * <ul>
 *   <li>{@code http.route}: the template of the route that took the request ({@code /items/{id}}),
 *       or {@value #UNMATCHED} when none did (404, 405, ...), never the raw path, so the number of
 *       series stays that of the routes;</li>
 *   <li>{@code http.request.method}: the method, or {@code _OTHER} for one outside RFC 9110's and
 *       {@code PATCH};</li>
 *   <li>{@code http.response.status_code}: the status of the answer, problems included.</li>
 * </ul>
 * The meters go to Helidon's global registry by default, which Helidon's {@code MetricsObserver}
 * (module {@code io.helidon.webserver.observe:helidon-webserver-observe-metrics}, which an
 * application using this layer adds) serves at {@code /observe/metrics} beside the router. Add the
 * layer outermost, to time what the client gets.
 */
public final class RouteMetrics implements Layer {

    /** The name of the timer. */
    public static final String METER_NAME = "http.server.request.duration";

    /** The {@code http.route} of a request no route took. */
    public static final String UNMATCHED = "unmatched";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "PATCH");

    private final MeterRegistry registry;

    /** A layer recording into Helidon's global registry. */
    public RouteMetrics() {
        this(Metrics.globalRegistry());
    }

    /** A layer recording into {@code registry}. */
    public RouteMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        long start = System.nanoTime();
        try {
            next.proceed(exchange);
        } finally {
            long nanos = System.nanoTime() - start;
            String method = exchange.method();
            List<Tag> tags = List.of(
                    Tag.create("http.route", exchange.route().map(RouteInfo::template).orElse(UNMATCHED)),
                    Tag.create("http.request.method", METHODS.contains(method) ? method : "_OTHER"),
                    Tag.create("http.response.status_code", Integer.toString(exchange.status())));
            Timer timer = registry.getOrCreate(Timer.builder(METER_NAME)
                    .description("Duration of HTTP server requests, by route template")
                    .baseUnit(TimeUnit.SECONDS)
                    .tags(tags));
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
