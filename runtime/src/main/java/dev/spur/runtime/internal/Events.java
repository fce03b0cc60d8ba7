package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.sse.SseSink;

/**
 * The Server-Sent Events sink of a handler that takes Helidon's {@link SseSink}: the answer is
 * 200 {@code text/event-stream}, its events written as the handler emits them, and the stream ends
 * when the handler returns. Layers around the route see that status (and any exception the handler
 * throws, though its problem can no longer reach the client, whose stream just ends).
 */
public final class Events {

    private Events() {
    }

    /** The sink a stream of events is open on, kept so that the stream is closed once the chain has run. */
    record Open(SseSink sink) {
    }

    /** Opens the event stream of {@code exchange}; an in-memory exchange has none (501 problem). */
    public static SseSink open(Exchange exchange) {
        if (!(exchange instanceof NetworkExchange network)) {
            throw new HttpProblem(501, "Not Implemented",
                    "This route answers with Server-Sent Events, which need a network connection.");
        }
        SseSink sink;
        if (exchange.method().equals("HEAD")) {
            exchange.respond(200, "text/event-stream", null);
            sink = new HeadSink();
        } else {
            // the exchange's answer is the stream's 200 from here on; Helidon's sink sets its type
            exchange.respond(200, null, null);
            sink = network.wireResponse().sink(SseSink.TYPE);
        }
        exchange.attribute(Open.class, new Open(sink));
        return sink;
    }

    /** Ends the event stream of {@code exchange}, if its handler opened one. */
    static void close(Exchange exchange) {
        exchange.attribute(Open.class).ifPresent(open -> open.sink().close());
    }

    /** The sink of a HEAD request: the events are dropped, as a HEAD answer has no body. */
    private static final class HeadSink implements SseSink {
        @Override
        public SseSink emit(SseEvent event) {
            return this;
        }

        @Override
        public void close() {
            // the exchange's 200 goes out as usual
        }
    }
}
