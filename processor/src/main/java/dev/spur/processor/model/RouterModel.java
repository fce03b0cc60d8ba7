package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;

/**
 * Everything one generated router is made from: its name, its handlers (those that need an
 * instance), its routes, numbered by position, and its hijacks in the order they are tried.
 */
public record RouterModel(ClassName name, List<HandlerModel> handlers, List<RouteModel> routes,
                          List<HijackModel> hijacks) {

    /** Copies the lists. */
    public RouterModel {
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
        hijacks = List.copyOf(hijacks);
    }

    /** Whether any route or hijack has a condition, so matchers need the request. */
    public boolean conditional() {
        return !hijacks.isEmpty() || routes.stream().anyMatch(r -> !r.guard().always());
    }
}
