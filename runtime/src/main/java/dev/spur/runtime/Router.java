package dev.spur.runtime;

import java.util.List;

/**
 * A compiled router: the Spur annotation processor generates one implementation per compilation,
 * holding the matcher tree, each route's layer chain and a direct call to every handler.
 */
public interface Router {

    /**
     * Routes one exchange through its application layers, matcher tree, route layers and handler,
     * and leaves the answer on it: the handler's, a layer's, or the router's own 400/404/405/406/415.
     * It throws nothing a request can cause.
     */
    void route(Exchange exchange);

    /** The routes this router serves, indexed by route number, for tools and tests. */
    List<RouteInfo> routes();

    /**
     * The router's services (those its handlers declare with {@code @Service}), with their
     * bindings; empty for a router whose handlers declare none (all of them are then the public
     * service {@code default}).
     */
    default java.util.Optional<dev.spur.runtime.services.Services> services() {
        return java.util.Optional.empty();
    }
}
