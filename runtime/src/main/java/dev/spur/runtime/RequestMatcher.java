package dev.spur.runtime;


/**
 * A custom condition for {@code @Match(custom = ...)}. The router creates one instance (with the
 * public no-argument constructor) and calls it from the generated tree; it must be thread-safe and
 * must not read the request body.
 */
public interface RequestMatcher {

    /** Whether the request of {@code exchange} meets the condition (it is not routed yet). */
    boolean matches(Exchange exchange);
}
