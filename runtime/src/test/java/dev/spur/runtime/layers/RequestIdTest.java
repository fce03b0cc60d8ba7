package dev.spur.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.internal.Failures;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    private final RequestId layer = new RequestId();

    private String answeredId(Exchange exchange) {
        return exchange.responseHeaders().first(RequestId.HEADER).orElseThrow();
    }

    @Test
    void aValidClientIdIsKeptStoredAndSentBack() {
        Exchange exchange = Exchange.request("GET", "/x").header("X-Request-Id", "abc-123_XYZ").build();
        List<String> inside = new ArrayList<>();
        layer.handle(exchange, e -> {
            inside.add(RequestId.current().orElseThrow());
            inside.add(RequestId.of(e).orElseThrow());
            e.respond(200, "text/plain", new byte[0]);
        });
        assertEquals(List.of("abc-123_XYZ", "abc-123_XYZ"), inside);
        assertEquals("abc-123_XYZ", answeredId(exchange));
        assertEquals("abc-123_XYZ", exchange.attribute(RequestId.Value.class).orElseThrow().id());
        assertTrue(RequestId.current().isEmpty(), "the thread-local is cleared after the request");
    }

    @Test
    void withoutAnIdOneIsGenerated() {
        Exchange exchange = Exchange.request("GET", "/x").build();
        layer.handle(exchange, e -> e.respond(204, null, null));
        String id = answeredId(exchange);
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(id, RequestId.of(exchange).orElseThrow());
    }

    @Test
    void anInvalidIdIsReplaced() {
        for (String bad : List.of("", "has space", "x".repeat(129), "caf\u00e9", "tab\there")) {
            Exchange exchange = Exchange.request("GET", "/x").header("X-Request-Id", bad).build();
            layer.handle(exchange, e -> e.respond(200, null, null));
            String id = answeredId(exchange);
            assertNotEquals(bad, id);
            assertEquals(id, UUID.fromString(id).toString(), "replaced by a UUID: " + bad);
        }
        Exchange longest = Exchange.request("GET", "/x").header("X-Request-Id", "y".repeat(128)).build();
        layer.handle(longest, e -> e.respond(200, null, null));
        assertEquals("y".repeat(128), answeredId(longest));
        assertTrue(RequestId.acceptable("!~"));
        assertFalse(RequestId.acceptable("a\u007f"));
    }

    @Test
    void theIdIsOnFailuresAndNotFoundsToo() {
        Exchange failed = Exchange.request("GET", "/x").header("X-Request-Id", "r-500").build();
        layer.handle(failed, e -> Failures.answer(e, new IllegalStateException("boom")));
        assertEquals(500, failed.status());
        assertEquals("r-500", answeredId(failed));

        Exchange missing = Exchange.request("GET", "/nope").header("X-Request-Id", "r-404").build();
        layer.handle(missing, e -> e.respond(dev.spur.runtime.HttpProblem.notFound("No route.")));
        assertEquals(404, missing.status());
        assertEquals("r-404", answeredId(missing));
    }

    @Test
    void theUnhandledFailureLogRecordCarriesTheRequestId() {
        Logger logger = Logger.getLogger(Failures.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            Exchange exchange = Exchange.request("GET", "/x").header("X-Request-Id", "trace-77").build();
            layer.handle(exchange, e -> Failures.answer(e, new IllegalStateException("boom")));
            Failures.logUnhandled(exchange);

            Exchange anonymous = Exchange.request("GET", "/y").build();
            Failures.answer(anonymous, new IllegalStateException("boom"));
            Failures.logUnhandled(anonymous);
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
        assertEquals(2, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("(GET /x) failed [request id trace-77]"),
                records.get(0).getMessage());
        assertFalse(records.get(1).getMessage().contains("request id"), records.get(1).getMessage());
    }
}
