package dev.spur.example.layers;

import dev.spur.Answer;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import dev.spur.runtime.layers.BearerAuth;

/**
 * Guards the routes that change data: {@code Authorization: Bearer <token>} with the API token,
 * else a 401 problem (the handler does not run). Reads stay open.
 */
@Answer(status = 401, description = "No valid bearer token: writes need the API token", bearer = true)
public final class WriteAccess implements Layer {

    private final Layer check;

    private WriteAccess(Layer check) {
        this.check = check;
    }

    /** Writes need {@code token}. */
    public static WriteAccess token(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The API token must not be empty");
        }
        return new WriteAccess(BearerAuth.token(token));
    }

    /**
     * Writes need no token: for test harnesses that must see what a request would do once past
     * authentication (a smuggled write, say). Never for a real deployment.
     */
    public static WriteAccess unchecked() {
        return new WriteAccess((exchange, next) -> next.proceed(exchange));
    }

    @Override
    public void handle(Exchange exchange, Next next) throws Exception {
        check.handle(exchange, next);
    }
}
