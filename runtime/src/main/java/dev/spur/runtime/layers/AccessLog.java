package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import dev.spur.runtime.RouteInfo;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs one line per request once the layers inside it and the handler have answered:
 * <pre>{@code
 * GET /items/42 route=/items/{id} status=200 duration_ms=1.204 request_id=5f0c...
 * }</pre>
 * the method, the raw path (percent-encoded, without the query), the template of the route that
 * took the request ({@code -} when none did: a 404, 405, ...), the status of the answer (problems
 * and failures included: 401, 404, 500, ...), the time taken in milliseconds, and the request id
 * when {@link RequestId} runs outside this layer ({@code -} otherwise).
 *
 * <p>By default the line goes to the {@code java.util.logging} logger {@value #LOGGER_NAME} at
 * {@code INFO}; {@link #AccessLog(Consumer)} sends it elsewhere. Add it right inside
 * {@code RequestId}, outside the layers that may answer for the handler, to log the status the
 * client gets.
 */
public final class AccessLog implements Layer {

    /** The name of the default logger. */
    public static final String LOGGER_NAME = "dev.spur.access";

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final Consumer<String> sink;

    /** A layer logging to {@value #LOGGER_NAME} at {@code INFO}. */
    public AccessLog() {
        this.sink = null;
    }

    /** A layer handing each line to {@code sink} (which must be thread-safe). */
    public AccessLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        long start = System.nanoTime();
        try {
            next.proceed(exchange);
        } finally {
            long nanos = System.nanoTime() - start;
            if (sink != null) {
                sink.accept(line(exchange, nanos));
            } else if (LOG.isLoggable(Level.INFO)) {
                LOG.info(line(exchange, nanos));
            }
        }
    }

    /** The line for {@code exchange}, answered in {@code nanos}. */
    static String line(Exchange exchange, long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        StringBuilder line = new StringBuilder(128)
                .append(exchange.method()).append(' ').append(exchange.rawPath())
                .append(" route=").append(exchange.route().map(RouteInfo::template).orElse("-"))
                .append(" status=").append(exchange.status())
                .append(" duration_ms=").append(micros / 1_000).append('.');
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        return line.append(fraction)
                .append(" request_id=").append(RequestId.of(exchange).orElse("-"))
                .toString();
    }
}
