package dev.spur.runtime;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * A compiled router: the Spur annotation processor generates one implementation per compilation,
 * holding the matcher tree and a direct call to every handler.
 */
public interface Router {

    /**
     * Routes one request to its handler and writes the answer, or writes the 400/404/405 answer.
     * Client errors are thrown as {@link HttpProblem}; anything else a handler throws propagates.
     */
    void route(ServerRequest request, ServerResponse response) throws Exception;

    /** The routes this router serves, indexed by route number, for tools and tests. */
    List<RouteInfo> routes();
}
