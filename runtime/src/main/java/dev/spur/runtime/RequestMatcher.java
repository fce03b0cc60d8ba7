package dev.spur.runtime;

import io.helidon.webserver.http.ServerRequest;

/**
 * A custom condition for {@code @Match(custom = ...)}. The router creates one instance (with the
 * public no-argument constructor) and calls it from the generated tree; it must be thread-safe and
 * must not read the request body.
 */
public interface RequestMatcher {

    /** Whether {@code request} meets the condition. */
    boolean matches(ServerRequest request);
}
