package dev.spur.tests.reliability;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test wait until a handler of {@link ReliabilityApp} has started, instead of guessing
 * with a sleep. Public because the compiled handlers live in another package.
 */
public final class InFlight {

    private static final Semaphore STARTED = new Semaphore(0);

    private InFlight() {
    }

    /** Called by a handler when it starts. */
    public static void started() {
        STARTED.release();
    }

    /** Waits until a handler has started; false after {@code millis}. */
    static boolean awaitStarted(long millis) throws InterruptedException {
        return STARTED.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    /** Forgets handlers that started before. */
    static void reset() {
        STARTED.drainPermits();
    }
}
