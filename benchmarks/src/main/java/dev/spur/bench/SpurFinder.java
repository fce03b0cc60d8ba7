package dev.spur.bench;

import dev.spur.runtime.RouteInfo;

import java.util.List;

/**
 * The static lookup methods of a generated router, behind an interface.
 *
 * <p>A route set's router is compiled at benchmark set-up time and loaded from a fresh class
 * loader, so the benchmark cannot call {@code Router.find} directly. The set's compilation also
 * compiles a one-line adapter implementing this interface ({@link LookupFixture#adapterSource}).
 * In a JMH fork exactly one implementation is ever loaded, so the JIT devirtualises and inlines
 * the call (class-hierarchy analysis): what is measured is {@code find} itself, not a reflective
 * or {@code MethodHandle} call that is not a JIT constant (a handle kept in an instance field of
 * a {@code @State} object is not constant-folded, and one in a {@code static final} field cannot
 * be set per {@code @Param} value).
 */
public interface SpurFinder {

    /** {@code Router.find(method, canonicalPath)}: the route index or -1. */
    int find(String method, String canonicalPath);

    /** {@code Router.routeTable()}. */
    List<RouteInfo> routeTable();
}
