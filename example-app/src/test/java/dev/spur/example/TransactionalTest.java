package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.bookmarks.SqlBookmarkStore;
import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.Transactional;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The {@link Transactional} layer on an in-memory exchange over an embedded H2 database: what the
 * handler wrote stays only when the answer is a 2xx.
 */
class TransactionalTest {

    private Database db;
    private SqlBookmarkStore store;
    private Transactional layer;

    @BeforeEach
    void start() {
        db = Database.start(DatabaseSettings.of("jdbc:h2:mem:tx" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        store = new SqlBookmarkStore(db);
        layer = Transactional.over(db);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    /** Runs {@code handler} inside the layer, answering 201 when it returns and 500 when it throws. */
    private Exchange run(Runnable handler) {
        Exchange exchange = Exchange.request("POST", "/bookmarks").build();
        layer.handle(exchange, ex -> {
            try {
                handler.run();
                ex.respond(201, null, null);
            } catch (RuntimeException e) {
                ex.respond(500, null, null);
                ex.failed(e);
            }
        });
        return exchange;
    }

    @Test
    void aTwoHundredCommitsEveryWrite() {
        Exchange exchange = run(() -> {
            store.create("https://a.example", "A", List.of());
            store.create("https://b.example", "B", List.of());
        });
        assertEquals(201, exchange.status());
        assertEquals(2, store.all().size());
    }

    @Test
    void aProblemRollsBackWhatTheHandlerWroteBeforeIt() {
        Exchange exchange = Exchange.request("POST", "/bookmarks").build();
        layer.handle(exchange, ex -> {
            store.create("https://a.example", "A", List.of());
            ex.respond(new HttpProblem(422, "Unprocessable", "no"));
        });
        assertEquals(422, exchange.status());
        assertTrue(store.all().isEmpty(), store.all().toString());
    }

    @Test
    void anExceptionRollsBackToo() {
        Exchange exchange = run(() -> {
            store.create("https://a.example", "A", List.of("x"));
            throw new IllegalStateException("boom");
        });
        assertEquals(500, exchange.status());
        assertTrue(store.all().isEmpty(), store.all().toString());
        assertTrue(store.tagCounts().isEmpty());
    }

    @Test
    void twoWritesOfOneRequestAreOneTransaction() {
        store.create("https://a.example", "A", List.of());
        Exchange exchange = Exchange.request("PUT", "/bookmarks/1").build();
        layer.handle(exchange, ex -> {
            store.addTag(1, "kept-only-with-the-other");
            try {
                store.create("https://a.example", "again", List.of());   // a duplicate: the handler fails
            } catch (RuntimeException e) {
                ex.respond(409, null, null);
                ex.failed(e);
                return;
            }
            ex.respond(200, null, null);
        });
        assertEquals(409, exchange.status());
        assertEquals(List.of(), store.find(1).orElseThrow().tags());
        assertEquals(1, store.find(1).orElseThrow().version());
    }
}
