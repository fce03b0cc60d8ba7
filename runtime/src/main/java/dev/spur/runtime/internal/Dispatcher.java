package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;
import dev.spur.runtime.Router;
import dev.spur.runtime.services.HttpTransport;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The single Helidon handler behind which a generated {@link Router} runs: it turns problems into
 * problem+json answers and anything unexpected into a 500 whose body has only a correlation id.
 */
public final class Dispatcher implements Handler {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    /** The largest unread request body drained to keep its connection; a larger one closes it. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private final Layer.Next chain;
    private final byte[] credential;

    /** A dispatcher for {@code router}. */
    public Dispatcher(Router router) {
        this(router, List.of());
    }

    /**
     * A dispatcher for {@code router} behind application {@code layers}, outermost first: the
     * chain is composed once, here, not walked per request.
     */
    public Dispatcher(Router router, List<Layer> layers) {
        this(router, layers, null);
    }

    /**
     * A dispatcher for the internal listener when {@code credential} is given: a request that
     * carries it in {@code Spur-Credential} comes from inside the application (it reaches private
     * services); one that does not is a 401 problem and reaches no layer or route.
     */
    public Dispatcher(Router router, List<Layer> layers, String credential) {
        this.credential = credential == null ? null : credential.getBytes(StandardCharsets.UTF_8);
        Layer.Next next = router::route;
        for (int i = layers.size() - 1; i >= 0; i--) {
            next = around(layers.get(i), next);
        }
        this.chain = next;
    }

    /** {@code inner} behind {@code layer}: what the layer throws is an answer for the layers outside it. */
    private static Layer.Next around(Layer layer, Layer.Next inner) {
        return exchange -> {
            try {
                layer.handle(exchange, inner);
            } catch (Throwable thrown) {
                Failures.answer(exchange, thrown);
            }
        };
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        NetworkExchange exchange = new NetworkExchange(request, response);
        try {
            if (credential == null) {
                chain.proceed(exchange);
            } else if (credentialMatches(request)) {
                exchange.markInternal();
                chain.proceed(exchange);
            } else {
                exchange.respond(new HttpProblem(401, "Unauthorized",
                        "The internal listener answers only the application's own services: send the shared "
                                + "credential in Spur-Credential."));
            }
        } catch (CloseConnectionException e) {
            // The client is gone or the connection must end: not a server fault.
            throw e;
        } catch (Throwable thrown) {
            Failures.answer(exchange, thrown);
        }
        Failures.logUnhandled(exchange);
        exchange.commit();
        endExchange(request, response, exchange.framingIntact());
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

    /** Whether the request carries the internal credential, compared in constant time. */
    private boolean credentialMatches(ServerRequest request) {
        Optional<String> sent = request.headers().first(HttpTransport.CREDENTIAL);
        return sent.isPresent() && MessageDigest.isEqual(credential, sent.get().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasBody(ServerRequest request) {
        if (request.headers().contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        return request.headers().contentLength().orElse(0) > 0;
    }

}
