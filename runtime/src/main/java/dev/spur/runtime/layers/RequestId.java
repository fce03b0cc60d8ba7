package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is 1 to 128 visible ASCII
 * characters (0x21 to 0x7E), else a random UUID. The id is
 * <ul>
 *   <li>stored on the exchange ({@link #of(Exchange)}, or the attribute {@link Value});</li>
 *   <li>sent back as {@code X-Request-Id} on every answer, the router's 404s and the 500s of
 *       failed handlers included (it is set after the inner chain has run);</li>
 *   <li>available to code running inside the layer on the request's thread through
 *       {@link #current()}, for log records (a {@code java.util.logging.Formatter} may call it);
 *       Spur's own log record for an unhandled failure includes it.</li>
 * </ul>
 * Add it first (outermost), so that the layers inside it, {@link AccessLog} among them, see the id.
 * A handler that writes Helidon's response itself has sent its headers already: its answer does
 * not get the header.
 */
public final class RequestId implements Layer {

    /** The {@code X-Request-Id} header. */
    public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");

    /** The longest id taken from a request. */
    public static final int MAX_LENGTH = 128;

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /**
     * The exchange attribute under which the id is stored.
     *
     * @param id the request id
     */
    public record Value(String id) {
        /** Requires a non-null id. */
        public Value {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The layer; it keeps no state, one instance serves every request. */
    public RequestId() {
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        String id = exchange.header(HEADER).filter(RequestId::acceptable).orElseGet(() -> UUID.randomUUID().toString());
        exchange.attribute(Value.class, new Value(id));
        String outer = CURRENT.get();
        CURRENT.set(id);
        try {
            next.proceed(exchange);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            if (Answers.headersWritable(exchange)) {
                exchange.responseHeaders().set(HEADER, id);
            }
        }
    }

    /** The id of {@code exchange}, once this layer has seen it. */
    public static Optional<String> of(Exchange exchange) {
        return exchange.attribute(Value.class).map(Value::id);
    }

    /** The id of the request the current thread is serving, while it runs inside this layer. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether {@code candidate} is taken as it is: 1 to 128 characters, each within 0x21..0x7E. */
    public static boolean acceptable(String candidate) {
        int length = candidate.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
