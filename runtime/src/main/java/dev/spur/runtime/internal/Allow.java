package dev.spur.runtime.internal;

import java.util.TreeSet;

/**
 * Collects the methods whose routes match a path into an {@code Allow} header value: sorted,
 * {@code HEAD} added beside {@code GET}, {@code OPTIONS} always added.
 */
public final class Allow {

    private final TreeSet<String> methods = new TreeSet<>();

    /** Adds a method whose route matches the path. */
    public Allow add(String method) {
        methods.add(method);
        if (method.equals("GET")) {
            methods.add("HEAD");
        }
        return this;
    }

    /** The header value, or null when no method was added (the path matches no route: 404). */
    public String header() {
        if (methods.isEmpty()) {
            return null;
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }
}
