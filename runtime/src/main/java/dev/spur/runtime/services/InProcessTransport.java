package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Router;
import dev.spur.runtime.internal.Failures;

/**
 * Runs a binding's request through the router of this process on the caller's thread: the target
 * route's whole generated chain (application, service, class and method layers), with no socket,
 * no HTTP bytes, and values handed over as they are.
 */
final class InProcessTransport implements BindingTransport {

    private final Router router;

    InProcessTransport(Router router) {
        this.router = router;
    }

    @Override
    public Exchange send(Exchange request) {
        router.route(request);
        Failures.logUnhandled(request);
        return request;
    }

    @Override
    public String describe() {
        return "in process";
    }
}
