package dev.spur.runtime;

import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single Helidon handler behind which a generated {@link Router} runs: it turns problems into
 * problem+json answers and anything unexpected into a 500 whose body has only a correlation id.
 */
public final class Dispatcher implements Handler {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Router router;
    private final List<Layer> layers;

    /** A dispatcher for {@code router}. */
    public Dispatcher(Router router) {
        this(router, List.of());
    }

    /** A dispatcher for {@code router} behind application {@code layers}, outermost first. */
    public Dispatcher(Router router, List<Layer> layers) {
        this.router = router;
        this.layers = List.copyOf(layers);
    }

    @Override
    public void handle(ServerRequest request, ServerResponse exchangeResponse) {
        ServerResponse response = request.prologue().method().text().equals("HEAD")
                ? new HeadResponse(request, exchangeResponse)
                : exchangeResponse;
        if (!wellFormedHost(request.authority())) {
            // Host matchers compare case-insensitively without port and trailing dot; a host with an
            // empty label ("a..b", ".a", "a..") is no host at all, and must not slip past a hijack.
            send(response, 400, "Bad Request", "The Host header is not a valid host name.", null);
            return;
        }
        try {
            run(0, request, response);
        } catch (HttpProblem problem) {
            send(response, problem.status(), problem.title(), problem.detail(), null);
        } catch (RequestException | CloseConnectionException e) {
            // The transport failed (a body over the limit, malformed framing, the client gone):
            // Helidon answers through TransportProblems, or closes the connection. Not a server fault.
            throw e;
        } catch (HttpException e) {
            int status = e.status().code();
            if (status >= 500) {
                fail(request, response, e);
            } else {
                send(response, status, e.status().reasonPhrase(), e.status().reasonPhrase() + ".", null);
            }
        } catch (InterruptedException e) {
            // Helidon interrupts the handlers still running when a stop's grace period ends.
            Thread.currentThread().interrupt();
            LOG.warning(() -> "Request (" + request.prologue().method().text() + " " + request.path().rawPath()
                    + ") was interrupted: the server is stopping");
            send(response, 503, "Service Unavailable", "The server is stopping; retry the request.", null);
        } catch (StackOverflowError | Exception e) {
            fail(request, response, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            fail(request, response, e);
        }
    }

    /**
     * Whether the authority's host has no empty label, a single trailing dot (the DNS root) aside.
     * Helidon has already checked the characters, the port and IP literals; null (no Host at all,
     * which Helidon refuses for HTTP/1.1) passes.
     */
    static boolean wellFormedHost(String authority) {
        if (authority == null || authority.startsWith("[")) {
            return true;
        }
        int colon = authority.lastIndexOf(':');
        int end = colon < 0 ? authority.length() : colon;
        if (end > 0 && authority.charAt(end - 1) == '.') {
            end--;
        }
        if (end == 0 || authority.charAt(0) == '.') {
            return false;
        }
        int doubleDot = authority.indexOf("..");
        return doubleDot < 0 || doubleDot >= end;
    }

    /** Runs layer {@code index} and, through it, the rest of the chain; past the last layer, the router. */
    private void run(int index, ServerRequest request, ServerResponse response) throws Exception {
        if (index == layers.size()) {
            router.route(request, response);
        } else {
            layers.get(index).handle(request, response, () -> run(index + 1, request, response));
        }
    }

    private static void fail(ServerRequest request, ServerResponse response, Throwable error) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, error, () -> "Request " + id + " (" + request.prologue().method().text() + " "
                + request.path().rawPath() + ") failed");
        send(response, 500, "Internal Server Error",
                "The server failed to answer this request; quote the instance id when reporting it.",
                "urn:uuid:" + id);
    }

    private static void send(ServerResponse response, int status, String title, String detail, String instance) {
        if (response.isSent()) {
            return;
        }
        try {
            Problems.send(response, status, title, detail, instance);
        } catch (IllegalStateException | RequestException tooLate) {
            // The handler had started streaming its body, so the status line is gone: the only honest
            // signal left is a connection closed before the body's end.
            throw new CloseConnectionException("The answer had started before the request failed", tooLate);
        }
    }
}
