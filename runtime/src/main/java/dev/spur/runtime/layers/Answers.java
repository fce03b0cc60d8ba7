package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;

/** What the built-in layers share. */
final class Answers {

    private Answers() {
    }

    /** Whether the answer's headers can still change: false once a handler wrote Helidon's response itself. */
    static boolean headersWritable(Exchange exchange) {
        return exchange.serverResponse().map(response -> !response.isSent()).orElse(true);
    }
}
