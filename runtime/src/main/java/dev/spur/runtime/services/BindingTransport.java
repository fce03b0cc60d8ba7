package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;

/**
 * How a binding reaches its service: in process, through the router's own chain, or over HTTP to
 * the process that runs it. Both leave the same answer on the exchange.
 */
public interface BindingTransport {

    /**
     * Sends {@code request} to the service and returns the exchange that holds the answer (status,
     * headers, body or value). A service that cannot be reached is a {@link BindingException}.
     */
    Exchange send(Exchange request);

    /** A description for messages: {@code in process}, {@code http://store:8090}. */
    String describe();
}
