package dev.spur.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.internal.Failures;
import io.helidon.http.HeaderNames;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static void ok(Exchange exchange, String text) {
        exchange.respond(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSleepingHandlerIsInterruptedAndAnswered503() {
        Deadline deadline = new Deadline(Duration.ofMillis(100));
        Exchange exchange = Exchange.request("GET", "/slow").build();
        exchange.responseHeaders().set(HeaderNames.create("X-Outer"), "kept");
        AtomicBoolean interrupted = new AtomicBoolean();
        long start = System.nanoTime();
        deadline.handle(exchange, e -> {
            e.responseHeaders().set(HeaderNames.create("X-Inner"), "dropped");
            try {
                Thread.sleep(10_000);
                ok(e, "late");
            } catch (InterruptedException stopped) {
                interrupted.set(true);
                ok(e, "partial");
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(interrupted.get(), "the handler was interrupted");
        assertTrue(millis < 5_000, "it did not sleep its full time: " + millis);
        assertEquals(503, exchange.status());
        assertEquals("application/problem+json", exchange.responseHeaders().first(HeaderNames.CONTENT_TYPE).orElseThrow());
        assertTrue(exchange.responseText().contains("\"title\":\"Service Unavailable\""), exchange.responseText());
        assertTrue(exchange.responseText().contains("longer than its deadline of 100 ms"), exchange.responseText());
        assertFalse(exchange.responseHeaders().contains(HeaderNames.RETRY_AFTER));
        assertFalse(exchange.responseHeaders().contains(HeaderNames.create("X-Inner")), "inner headers discarded");
        assertEquals("kept", exchange.responseHeaders().first(HeaderNames.create("X-Outer")).orElseThrow());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt flag is clear afterwards");
    }

    @Test
    void anInterruptedExceptionAnsweredBySpurIsStill503AndTheFlagClear() {
        Deadline deadline = new Deadline(Duration.ofMillis(50));
        Exchange exchange = Exchange.request("GET", "/slow").build();
        deadline.handle(exchange, e -> {
            try {
                Thread.sleep(10_000);
                ok(e, "late");
            } catch (InterruptedException stopped) {
                // what the generated code does with a handler's exception: it re-sets the flag
                Failures.answer(e, stopped);
            }
        });
        assertEquals(503, exchange.status());
        assertTrue(exchange.responseText().contains("deadline of 50 ms"), exchange.responseText());
        assertTrue(exchange.failure().isEmpty());
        assertFalse(Thread.interrupted(), "the interrupt flag is clear afterwards");
    }

    @Test
    void aFastHandlerKeepsItsAnswerAndIsNeverInterrupted() throws InterruptedException {
        Deadline deadline = new Deadline(Duration.ofMillis(200));
        AtomicReference<Duration> remaining = new AtomicReference<>();
        Exchange exchange = Exchange.request("GET", "/fast").build();
        deadline.handle(exchange, e -> {
            remaining.set(Deadline.remaining(e).orElseThrow());
            e.responseHeaders().set(HeaderNames.create("X-Inner"), "kept");
            ok(e, "fast");
        });
        assertEquals(200, exchange.status());
        assertEquals("fast", exchange.responseText());
        assertEquals("kept", exchange.responseHeaders().first(HeaderNames.create("X-Inner")).orElseThrow());
        assertTrue(remaining.get().compareTo(Duration.ZERO) > 0 && remaining.get().compareTo(Duration.ofMillis(200)) <= 0,
                remaining.get().toString());
        assertTrue(exchange.attribute(Deadline.Expiry.class).isPresent());
        // the cancelled timer must not interrupt this thread later
        Thread.sleep(400);
        assertFalse(Thread.interrupted(), "no interrupt after the chain returned");
        assertTrue(Deadline.remaining(Exchange.request("GET", "/").build()).isEmpty());
    }

    @Test
    void aCpuBoundHandlerThatIgnoresInterruptsIsStill503() {
        Deadline deadline = new Deadline(Duration.ofMillis(50));
        Exchange exchange = Exchange.request("GET", "/busy").build();
        deadline.handle(exchange, e -> {
            long until = System.nanoTime() + 150_000_000L;
            long spins = 0;
            while (System.nanoTime() < until) {
                spins++;
            }
            ok(e, "busy " + spins);
        });
        assertEquals(503, exchange.status());
        assertTrue(exchange.responseText().contains("deadline of 50 ms"), exchange.responseText());
        assertFalse(Thread.interrupted(), "the interrupt flag is clear afterwards");
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Deadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Deadline(Duration.ofMillis(-1)));
        assertEquals(Duration.ofSeconds(2), new Deadline(Duration.ofSeconds(2)).timeout());
    }
}
