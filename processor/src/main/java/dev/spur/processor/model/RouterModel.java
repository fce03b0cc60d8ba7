package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;

/**
 * Everything one generated router is made from: its name, its handlers (those that need an
 * instance) and its routes, numbered by position.
 */
public record RouterModel(ClassName name, List<HandlerModel> handlers, List<RouteModel> routes) {

    /** Copies the lists. */
    public RouterModel {
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
    }
}
