package dev.spur.runtime;

import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

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

    /** A dispatcher for {@code router}. */
    public Dispatcher(Router router) {
        this.router = router;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse exchangeResponse) {
        ServerResponse response = request.prologue().method().text().equals("HEAD")
                ? new HeadResponse(exchangeResponse)
                : exchangeResponse;
        try {
            router.route(request, response);
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
