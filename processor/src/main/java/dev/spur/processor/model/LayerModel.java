package dev.spur.processor.model;

import java.util.List;

import com.palantir.javapoet.ClassName;

/**
 * A layer class the router holds one instance of, in field {@code field}: created with its public
 * no-argument constructor when {@code creatable}, else taken from the generated builder; one that
 * takes bindings is created by the router from its {@code wiring} unless the builder is given one.
 */
public record LayerModel(ClassName type, String field, boolean creatable, List<Wire> wiring) {

    /** Copies the wiring (null: the class takes no binding). */
    public LayerModel {
        wiring = wiring == null ? null : List.copyOf(wiring);
    }

    /** A layer that takes no binding. */
    public LayerModel(ClassName type, String field, boolean creatable) {
        this(type, field, creatable, null);
    }
}
