package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

import javax.lang.model.element.VariableElement;

/**
 * One constructor argument of a class the router creates because it takes service bindings: a
 * binding the router makes, or any other value the application gives the generated builder.
 */
public sealed interface Wire {

    /** The constructor parameter, for diagnostics. */
    VariableElement parameter();

    /** The binding client of service {@code service}. */
    record Bind(String service, ClassName binding, VariableElement parameter) implements Wire {
    }

    /** A value of {@code type} from the builder's method {@code field}, shared by every class that takes one. */
    record Dependency(TypeName type, String field, VariableElement parameter) implements Wire {
    }
}
