package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A handler class: its type, the name of the router field and builder method that hold its
 * instance, and whether the router can create that instance itself.
 */
public record HandlerModel(ClassName type, String field, boolean defaultConstructible) {
}
