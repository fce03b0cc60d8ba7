package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

import java.util.List;

/**
 * A handler class: its type, the name of the router field and builder method that hold its
 * instance, whether the router can create that instance itself, and its dependencies: the
 * parameter types of its public constructors (what the application wires into it; service
 * bindings among them).
 */
public record HandlerModel(ClassName type, String field, boolean defaultConstructible, List<TypeName> dependencies,
                           String service, List<Wire> wiring) {

    /** Copies the dependencies and the wiring (null: the class takes no binding). */
    public HandlerModel {
        dependencies = List.copyOf(dependencies);
        wiring = wiring == null ? null : List.copyOf(wiring);
    }

    /** A handler of the default service that takes no binding. */
    public HandlerModel(ClassName type, String field, boolean defaultConstructible, List<TypeName> dependencies) {
        this(type, field, defaultConstructible, dependencies, ServiceModel.DEFAULT, null);
    }

    /** A handler without dependencies. */
    public HandlerModel(ClassName type, String field, boolean defaultConstructible) {
        this(type, field, defaultConstructible, List.of());
    }
}
