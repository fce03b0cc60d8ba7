package dev.spur.example.layers;

import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.NoSuchBookmark;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;

/**
 * Turns the store's domain exceptions into answers, so that handlers and the store stay free of
 * HTTP: no such bookmark is a 404, a URL another bookmark has is a 409.
 */
public final class DomainErrors implements Layer {

    @Override
    public void handle(Exchange exchange, Next next) {
        next.proceed(exchange);
        switch (exchange.failure().orElse(null)) {
            case NoSuchBookmark missing ->
                    exchange.respond(HttpProblem.notFound("There is no bookmark " + missing.id() + "."));
            case BookmarkStore.DuplicateUrlException duplicate ->
                    exchange.respond(new HttpProblem(409, "Conflict", "Bookmark /bookmarks/" + duplicate.existingId()
                            + " already has the URL " + duplicate.url() + "."));
            case null, default -> {
            }
        }
    }
}
