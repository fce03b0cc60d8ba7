package dev.spur.runtime.internal;

import dev.spur.runtime.Router;
import dev.spur.runtime.Layer;
import dev.spur.runtime.HttpProblem;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.RoutingResponse;
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

    /** The largest unread request body drained to keep its connection; a larger one closes it. */
    static final long DRAIN_LIMIT = 64 * 1024;

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
                ? new HeadResponse(exchangeResponse)
                : exchangeResponse;
        boolean framingIntact = answer(request, response);
        endExchange(request, exchangeResponse, framingIntact);
    }

    /** Answers the request; false when its body's framing failed, so the connection must close. */
    private boolean answer(ServerRequest request, ServerResponse response) {
        if (!wellFormedHost(request.authority())) {
            // Host matchers compare case-insensitively without port and trailing dot; a host with an
            // empty label ("a..b", ".a", "a..") is no host at all, and must not slip past a hijack.
            send(response, 400, "Bad Request", "The Host header is not a valid host name and port.", null);
            return true;
        }
        try {
            run(0, request, response);
        } catch (HttpProblem problem) {
            send(response, problem.status(), problem.title(), problem.detail(), null);
        } catch (RequestException e) {
            // The body's framing failed or it grew past the limit while being read: answer it, then
            // close, since the rest of the connection's bytes can no longer be trusted.
            int status = e.status().code() >= 500 ? 400 : e.status().code();
            LOG.fine(() -> "Request body refused (" + status + "): " + e.getMessage());
            send(response, status, TransportProblems.title(status), TransportProblems.detail(status), null);
            return false;
        } catch (CloseConnectionException e) {
            // The client is gone or the connection must end: not a server fault.
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
        return true;
    }

    /**
     * Decides, once the request is answered, whether its connection may carry another request. It
     * closes when the client or the answer asked for it ({@code Connection: close}), when the body's
     * framing failed, and when the body is unread while the client still waits for {@code 100
     * Continue} (Helidon 4.5 would otherwise go on reading the same connection after each of these,
     * and parse the body, or what follows a close, as the next request). An unread chunked body, or
     * one over {@link #DRAIN_LIMIT}, closes the connection too; a smaller one Helidon drains, through
     * the framing guard, before it reads the next request.
     */
    private static void endExchange(ServerRequest request, ServerResponse response, boolean framingIntact) {
        if (!framingIntact) {
            throw close(response, "The request body's framing failed");
        }
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                || response.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            throw close(response, "Connection: close");
        }
        if (hasBody(request) && !request.content().consumed()) {
            if (request.headers().containsToken(HeaderValues.EXPECT_100) && !request.continueSent()) {
                // The client waits for 100 Continue, which never came: it may or may not send the
                // body now, so the connection cannot tell where the next request starts.
                throw close(response, "The request body was not read and the client awaits 100 Continue");
            }
            long declared = request.headers().contentLength().orElse(-1);
            if (declared < 0 || declared > DRAIN_LIMIT) {
                // Helidon would drain it through the framing guard after the answer; a chunked or
                // large body is not worth the wait: close instead.
                throw close(response, "The request body was not read");
            }
        }
    }

    /** Puts the whole answer on the wire (Helidon commits a streamed one only after the handler), to close after it. */
    private static CloseConnectionException close(ServerResponse response, String why) {
        if (response instanceof RoutingResponse routing && routing.hasEntity()) {
            routing.commit();
        }
        return new CloseConnectionException(why);
    }

    private static boolean hasBody(ServerRequest request) {
        if (request.headers().contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        return request.headers().contentLength().orElse(0) > 0;
    }

    /**
     * Whether the authority's host has no empty label, a single trailing dot (the DNS root) aside,
     * and its port, if any, is digits up to 65535. Helidon has already checked the characters and
     * IP literals; null (no Host at all, which Helidon refuses for HTTP/1.1) passes.
     */
    static boolean wellFormedHost(String authority) {
        if (authority == null) {
            return true;
        }
        int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
        int colon = authority.indexOf(':', Math.max(close, 0));
        if (colon >= 0 && !validPort(authority.substring(colon + 1))) {
            return false;
        }
        if (authority.startsWith("[")) {
            return true;
        }
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

    /** A port is ASCII digits (RFC 3986 3.2.3), here at most 65535; an empty one means the default. */
    private static boolean validPort(String port) {
        if (port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return port.isEmpty() || Integer.parseInt(port) <= 65535;
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
