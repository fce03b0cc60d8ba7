package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.layers.Deadline;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Awaits a handler's {@link CompletionStage} for generated code. Helidon runs every request on a
 * virtual thread, so waiting costs no platform thread; the wait ends with the request's
 * {@link Deadline} when one runs around it (a 503 problem, and the stage is cancelled), and what
 * the stage failed with is answered as if the handler had thrown it.
 */
public final class Async {

    private Async() {
    }

    /** The value {@code stage} completes with; its failure is rethrown as the handler's own exception. */
    public static <T> T await(Exchange exchange, CompletionStage<T> stage) throws Throwable {
        if (stage == null) {
            throw new IllegalStateException("The handler returned a null CompletionStage");
        }
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            Duration left = Deadline.remaining(exchange).orElse(null);
            if (left == null) {
                return future.get();
            }
            return future.get(Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            throw interrupted;
        } catch (TimeoutException late) {
            future.cancel(true);
            throw new HttpProblem(503, "Service Unavailable", "The request took longer than its deadline.");
        } catch (ExecutionException failed) {
            throw unwrap(failed.getCause());
        } catch (CancellationException cancelled) {
            throw new IllegalStateException("The handler's CompletionStage was cancelled", cancelled);
        }
    }

    private static Throwable unwrap(Throwable cause) {
        Throwable thrown = cause;
        while (thrown instanceof CompletionException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        return thrown;
    }
}
