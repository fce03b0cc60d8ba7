package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A layer class the router holds one instance of, in field {@code field}: created with its public
 * no-argument constructor when {@code creatable}, else taken from the generated builder.
 */
public record LayerModel(ClassName type, String field, boolean creatable) {
}
