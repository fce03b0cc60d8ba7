package dev.spur.runtime;

import io.helidon.http.HttpException;
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
                ? new HeadResponse(request, exchangeResponse)
                : exchangeResponse;
        try {
            router.route(request, response);
        } catch (HttpProblem problem) {
            if (!response.isSent()) {
                Problems.send(response, problem);
            }
        } catch (HttpException e) {
            int status = e.status().code();
            if (status >= 500) {
                fail(request, response, e);
            } else if (!response.isSent()) {
                Problems.send(response, status, e.status().reasonPhrase(), e.status().reasonPhrase() + ".", null);
            }
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
        if (!response.isSent()) {
            Problems.send(response, 500, "Internal Server Error",
                    "The server failed to answer this request; quote the instance id when reporting it.",
                    "urn:uuid:" + id);
        }
    }
}
