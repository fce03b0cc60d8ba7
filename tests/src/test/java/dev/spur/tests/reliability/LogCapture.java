package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what is logged through {@code java.util.logging} (which Helidon's {@code System.Logger}
 * writes to) on the root, {@code dev.spur} and {@code io.helidon} loggers while it is open, so a
 * test can assert that a client error logged no stack trace.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("", "dev.spur", "io.helidon");

    private final List<Logger> loggers = new ArrayList<>();
    private final Set<LogRecord> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                if (seen.add(record)) {
                    records.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts recording. */
    LogCapture() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(handler);
            loggers.add(logger);
        }
    }

    /** Everything recorded so far. */
    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Forgets the records {@code known} selects (a documented race in Helidon, say). */
    void forget(Predicate<LogRecord> known) {
        synchronized (records) {
            records.removeIf(known);
        }
    }

    /** Forgets what was recorded so far. */
    void clear() {
        synchronized (records) {
            records.clear();
            seen.clear();
        }
    }

    /** Fails when a record carries a {@link Throwable} or is at WARNING or above. */
    void assertQuiet(String context) {
        assertNone(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.WARNING.intValue(),
                context + ": a client error must log no stack trace and no warning");
    }

    /** Fails when a record carries a {@link Throwable}. */
    void assertNoThrowable(String context) {
        assertNone(r -> r.getThrown() != null, context + ": nothing may be logged with a stack trace");
    }

    /**
     * Helidon's accept loop, when the server stops while it waits, may log its closed server socket
     * as SEVERE ("Got a throwable while listening"): the stop's own race, not a request's doing.
     */
    private static boolean stopRace(LogRecord record) {
        return "io.helidon.webserver.ServerListener".equals(record.getLoggerName())
                && record.getThrown() instanceof java.nio.channels.ClosedChannelException;
    }

    private void assertNone(Predicate<LogRecord> bad, String message) {
        List<LogRecord> found = records().stream().filter(bad).filter(r -> !stopRace(r)).toList();
        if (!found.isEmpty()) {
            StringBuilder text = new StringBuilder(message);
            for (LogRecord record : found) {
                text.append("\n  ").append(record.getLevel()).append(' ').append(record.getLoggerName())
                        .append(": ").append(record.getMessage());
                if (record.getThrown() != null) {
                    text.append(" [").append(record.getThrown()).append(']');
                }
            }
            fail(text.toString());
        }
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.removeHandler(handler);
        }
    }
}
