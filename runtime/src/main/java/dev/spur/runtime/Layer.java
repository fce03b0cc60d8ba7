package dev.spur.runtime;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Middleware at the application level: registered on {@link SpurServer.Builder#layer(Layer)}, it
 * wraps everything the router answers, hijacked requests, normal routes and the router's own
 * 400/404/405 answers alike. A layer may answer by itself and not proceed (a fallible layer: a 401
 * from an auth check), proceed and then post-process, or turn an exception of the rest of the chain
 * into an answer. Whatever it throws is answered like a handler's exception (an {@link HttpProblem}
 * as its problem, anything else as a 500).
 */
@FunctionalInterface
public interface Layer {

    /** Handles one request; {@code next.proceed()} runs the layers inside this one, then the router. */
    void handle(ServerRequest request, ServerResponse response, Next next) throws Exception;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next {
        /** Runs the inner layers and the router. */
        void proceed() throws Exception;
    }
}
