package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.layers.Deadline;
import dev.spur.runtime.layers.RequestId;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what a handler or layer threw into the exchange's answer, inside the chain, so that every
 * layer outside sees the real status: an {@link HttpProblem} as its problem, a body whose framing
 * failed as a 400/413 (and the connection closes after it), anything else as a 500 whose body has
 * only a correlation id. The exception stays on the exchange ({@link Exchange#failure()}); a 500
 * still standing when the chain is done is logged by {@link #logUnhandled}, with the request id
 * when {@link RequestId} gave it one.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    /** The correlation id of a 500 answer, kept on the exchange until it is logged. */
    private record Incident(String id) {
    }

    /** Answers {@code exchange} with what {@code thrown} means; rethrows only what no answer can help. */
    public static void answer(Exchange exchange, Throwable thrown) {
        switch (thrown) {
            case HttpProblem problem -> Problems.answer(exchange, problem);
            case CloseConnectionException gone -> throw gone;
            case RequestException framing -> {
                // The body's framing failed or it grew past the limit while being read: answer it, then
                // close, since the rest of the connection's bytes can no longer be trusted.
                int status = framing.status().code() >= 500 ? 400 : framing.status().code();
                LOG.fine(() -> "Request body refused (" + status + "): " + framing.getMessage());
                Problems.answer(exchange, status, TransportProblems.title(status), TransportProblems.detail(status),
                        null);
                if (exchange instanceof NetworkExchange network) {
                    network.framingFailed();
                }
            }
            case HttpException http when http.status().code() < 500 ->
                    Problems.answer(exchange, http.status().code(), http.status().reasonPhrase(),
                            http.status().reasonPhrase() + ".", null);
            case InterruptedException interrupted when deadlinePassed(exchange) -> {
                // A Deadline layer interrupted the handler; it answers for it once the chain returns.
                Thread.currentThread().interrupt();
                LOG.fine(() -> "Request (" + exchange.method() + " " + exchange.rawPath()
                        + ") was interrupted: its deadline passed" + requestId(exchange));
                Problems.answer(exchange, 503, "Service Unavailable", "The request took longer than its deadline.",
                        null);
            }
            case InterruptedException interrupted -> {
                // Helidon interrupts the handlers still running when a stop's grace period ends.
                Thread.currentThread().interrupt();
                LOG.warning(() -> "Request (" + exchange.method() + " " + exchange.rawPath()
                        + ") was interrupted: the server is stopping" + requestId(exchange));
                Problems.answer(exchange, 503, "Service Unavailable", "The server is stopping; retry the request.",
                        null);
            }
            case StackOverflowError overflow -> internalError(exchange, overflow);
            case VirtualMachineError fatal -> throw fatal;
            default -> internalError(exchange, thrown);
        }
        exchange.failed(thrown);
    }

    private static void internalError(Exchange exchange, Throwable thrown) {
        String id = UUID.randomUUID().toString();
        Problems.answer(exchange, 500, "Internal Server Error",
                "The server failed to answer this request; quote the instance id when reporting it.",
                "urn:uuid:" + id);
        exchange.attribute(Incident.class, new Incident(id));
    }

    /** Logs the exception behind a 500 that no layer mapped to another answer. */
    public static void logUnhandled(Exchange exchange) {
        if (exchange.status() != 500 || exchange.failure().isEmpty()) {
            return;
        }
        Throwable cause = exchange.failure().get();
        String id = exchange.attribute(Incident.class).map(Incident::id).orElse("-");
        LOG.log(Level.SEVERE, cause, () -> "Request " + id + " (" + exchange.method() + " " + exchange.rawPath()
                + ") failed" + requestId(exchange));
    }

    /** Whether a {@link Deadline} layer runs around {@code exchange} and its deadline has passed. */
    private static boolean deadlinePassed(Exchange exchange) {
        return exchange.attribute(Deadline.Expiry.class).map(Deadline.Expiry::passed).orElse(false);
    }

    /** {@code " [request id abc]"} for request id {@code abc}, or nothing when {@link RequestId} did not run. */
    private static String requestId(Exchange exchange) {
        return RequestId.of(exchange).map(id -> " [request id " + id + "]").orElse("");
    }
}
