package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;
import io.helidon.http.WritableHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds how long the layers inside it and the handler may take. When the deadline passes while
 * they still run, the request's thread is interrupted, so a blocking call in the handler (sleep,
 * a lock, a socket or a client call) throws {@code InterruptedException} or
 * {@code InterruptedIOException}; once the inner chain returns, its answer is discarded (status,
 * body and the headers it set) and the request is answered {@code 503 Service Unavailable} as
 * {@code application/problem+json}, without {@code Retry-After}. Code that ignores interrupts (a
 * CPU-bound loop) is not stopped, but an answer that comes after the deadline is discarded the same
 * way. Side effects the handler already had (writes, calls to other services) are not undone.
 *
 * <p>The thread's interrupt flag is clear when the layer returns: the interrupt never outlives the
 * request, and the timer never interrupts a thread whose chain has returned. Inner code can read
 * the deadline with {@link #remaining(Exchange)} or the attribute {@link Expiry}, e.g. to bound its
 * own calls. A handler that writes Helidon's response itself has answered already: its answer
 * stands.
 *
 * <p>All deadlines share one daemon timer thread.
 */
public final class Deadline implements Layer {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMING_OUT = 2;
    private static final int INTERRUPTED = 3;

    private final Duration timeout;
    private final long timeoutNanos;

    /**
     * The exchange attribute holding the request's deadline.
     *
     * @param at the instant the deadline passes
     */
    public record Expiry(Instant at) {
        /** Requires a non-null instant. */
        public Expiry {
            Objects.requireNonNull(at, "at");
        }

        /** The time left until {@link #at()}; zero once it has passed. */
        public Duration remaining() {
            Duration left = Duration.between(Instant.now(), at);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** Whether the deadline has passed. */
        public boolean passed() {
            return !Instant.now().isBefore(at);
        }
    }

    /** A layer that gives each request {@code timeout}, which must be positive. */
    public Deadline(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A deadline must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.timeoutNanos = saturatedNanos(timeout);
    }

    /** The time each request is given. */
    public Duration timeout() {
        return timeout;
    }

    /** The time left to the request of {@code exchange}; empty when no {@code Deadline} runs around it. */
    public static Optional<Duration> remaining(Exchange exchange) {
        return exchange.attribute(Expiry.class).map(Expiry::remaining);
    }

    /** The deadline of the request the current thread serves inside a {@code Deadline}, for service bindings. */
    private static final ThreadLocal<Expiry> CURRENT = new ThreadLocal<>();

    /**
     * The deadline of the request the current thread is serving, while it runs inside this layer:
     * a service binding called from the handler carries it to the service it calls.
     */
    public static Optional<Expiry> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        Expiry outer = CURRENT.get();
        Expiry expiry = new Expiry(Instant.now().plus(timeout));
        // an inner deadline never extends an outer one
        CURRENT.set(outer != null && outer.at().isBefore(expiry.at()) ? outer : expiry);
        try {
            bounded(exchange, next);
        } finally {
            CURRENT.set(outer);
        }
    }

    private void bounded(Exchange exchange, Next next) {
        long start = System.nanoTime();
        exchange.attribute(Expiry.class, new Expiry(Instant.now().plus(timeout)));
        WritableHeaders<?> before = Answers.headersWritable(exchange)
                ? WritableHeaders.create(exchange.responseHeaders()) : null;
        Thread thread = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ScheduledFuture<?> timer = Timer.EXECUTOR.schedule(() -> {
            if (state.compareAndSet(RUNNING, TIMING_OUT)) {
                thread.interrupt();
                state.set(INTERRUPTED);
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        boolean timedOut;
        try {
            next.proceed(exchange);
        } finally {
            timedOut = !state.compareAndSet(RUNNING, DONE);
            timer.cancel(false);
            if (timedOut) {
                // The timer won: wait for its interrupt to land, then clear it, so that it cannot
                // reach whatever this thread does next.
                while (state.get() != INTERRUPTED) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
            }
        }
        if (timedOut || System.nanoTime() - start > timeoutNanos) {
            expire(exchange, before);
        }
    }

    /** Discards the inner chain's answer and answers 503 in its place. */
    private void expire(Exchange exchange, WritableHeaders<?> before) {
        if (before == null || !Answers.headersWritable(exchange)) {
            return;
        }
        WritableHeaders<?> headers = exchange.responseHeaders();
        headers.clear();
        before.forEach(headers::set);
        exchange.respond(new HttpProblem(503, "Service Unavailable",
                "The request took longer than its deadline of " + timeout.toMillis() + " ms."));
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The shared timer, started on first use. */
    private static final class Timer {
        static final ScheduledExecutorService EXECUTOR = executor();

        private static ScheduledExecutorService executor() {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "spur-deadline-timer");
                thread.setDaemon(true);
                return thread;
            });
            // a request that returns in time cancels its task: drop it at once, not at its due time
            pool.setRemoveOnCancelPolicy(true);
            return pool;
        }
    }
}
