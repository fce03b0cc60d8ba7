package dev.spur.example.layers;

import dev.spur.example.db.Database;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderNames;

/**
 * One database transaction around a route: {@code @Layer(Transactional.class)}. Every store call
 * the handler makes runs in it; it is committed when the answer is a 2xx, and rolled back when it
 * is anything else (a problem, a 404) or the handler threw. A connection that cannot be had within
 * {@code db.pool.timeout} is a {@link dev.spur.example.db.DatabaseUnavailableException}, which
 * {@link DomainErrors} answers 503; so is a commit the database refuses for being down, in which
 * case the handler's answer and its {@code Location}/{@code ETag} are dropped.
 *
 * <p>The router takes the instance from its builder ({@code .transactional(...)}); an app without
 * a database uses {@link #none()}.
 */
public final class Transactional implements Layer {

    private final Database db;

    private Transactional(Database db) {
        this.db = db;
    }

    /** Transactions in {@code db}. */
    public static Transactional over(Database db) {
        return new Transactional(java.util.Objects.requireNonNull(db, "db"));
    }

    /** No transactions: for a store that is atomic by itself (the in-memory one). */
    public static Transactional none() {
        return new Transactional(null);
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        if (db == null) {
            next.proceed(exchange);
            return;
        }
        try {
            db.inTransaction(() -> next.proceed(exchange), () -> isSuccess(exchange));
        } catch (RuntimeException e) {
            if (isSuccess(exchange)) {   // the commit failed: what the handler answered did not happen
                exchange.responseHeaders().remove(HeaderNames.LOCATION);
                exchange.responseHeaders().remove(HeaderNames.ETAG);
            }
            throw e;
        }
    }

    private static boolean isSuccess(Exchange exchange) {
        return exchange.failure().isEmpty() && exchange.status() >= 200 && exchange.status() < 300;
    }
}
