package dev.spur.processor.model;

import com.palantir.javapoet.TypeName;

/** How one handler parameter gets its value. */
public sealed interface ParamModel {

    /** The handler parameter's name. */
    String name();

    /** A path parameter: segment {@code segment} of the path, or the rest from it for a catch-all. */
    record Path(String name, int segment, boolean catchAll, ValueType valueType, TypeName type)
            implements ParamModel {
    }

    /**
     * A query parameter or header ({@code header} true). {@code type} is the value type (the
     * element type of an {@code Optional}); {@code defaultValue} is null when none is given.
     */
    record Named(String name, String key, boolean header, ValueType valueType, TypeName type, boolean optional,
                 String defaultValue) implements ParamModel {
    }

    /** The request body as text, bytes or JSON. */
    record Body(String name, BodyKind kind, TypeName type) implements ParamModel {
    }

    /** Helidon's {@code ServerRequest} or {@code ServerResponse} itself. */
    record Exchange(String name, boolean response) implements ParamModel {
    }

    /** How a body is read. */
    enum BodyKind {
        /** UTF-8 text. */
        TEXT,
        /** Raw bytes. */
        BYTES,
        /** JSON mapped to the parameter's type. */
        JSON
    }
}
