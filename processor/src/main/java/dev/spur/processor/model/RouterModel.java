package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one generated router is made from: its name, its handlers (those that need an
 * instance), its routes, numbered by position, and its hijacks in the order they are tried.
 * {@code shadowed} holds the simple names that types of the router's own package take from
 * {@code java.lang}, which generated code must therefore always qualify.
 */
public record RouterModel(ClassName name, List<HandlerModel> handlers, List<RouteModel> routes,
                          List<HijackModel> hijacks, Set<String> shadowed) {

    /** Copies the collections. */
    public RouterModel {
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
        hijacks = List.copyOf(hijacks);
        shadowed = Set.copyOf(new TreeSet<>(shadowed));
    }

    /** Whether any route or hijack has a condition, so matchers need the request. */
    public boolean conditional() {
        return !hijacks.isEmpty() || routes.stream().anyMatch(r -> !r.guard().always());
    }
}
