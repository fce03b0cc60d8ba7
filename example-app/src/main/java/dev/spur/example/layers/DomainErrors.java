package dev.spur.example.layers;

import dev.spur.Answer;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.NoSuchBookmark;
import dev.spur.example.db.DatabaseUnavailableException;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderNames;

/**
 * Turns the store's domain exceptions into answers, so that handlers and the store stay free of
 * HTTP: no such bookmark is a 404, a URL another bookmark has is a 409, the database unreachable
 * (or no connection free within {@code db.pool.timeout}) is a 503 with {@code Retry-After}, its
 * body never the driver's message.
 */
@Answer(status = 503, description = "The database is unavailable or no connection is free; see Retry-After")
public final class DomainErrors implements Layer {

    /** The {@code Retry-After} of a 503, in seconds. */
    static final String RETRY_AFTER_SECONDS = "2";

    @Override
    public void handle(Exchange exchange, Next next) {
        next.proceed(exchange);
        switch (exchange.failure().orElse(null)) {
            case NoSuchBookmark missing ->
                    exchange.respond(HttpProblem.notFound("There is no bookmark " + missing.id() + "."));
            case BookmarkStore.DuplicateUrlException duplicate ->
                    exchange.respond(new HttpProblem(409, "Conflict", (duplicate.existingId() > 0
                            ? "Bookmark /bookmarks/" + duplicate.existingId() : "Another bookmark")
                            + " already has the URL " + duplicate.url() + "."));
            case DatabaseUnavailableException unavailable -> {
                exchange.respond(new HttpProblem(503, "Service Unavailable",
                        "The database is unavailable; try again shortly."));
                exchange.responseHeaders().set(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            case null, default -> {
            }
        }
    }
}
