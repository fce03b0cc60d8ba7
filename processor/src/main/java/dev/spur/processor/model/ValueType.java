package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * How a parameter's text converts to the handler's type, decided at compile time: a conversion of
 * Spur's own, or a public static factory of the type itself ({@code valueOf}, {@code of},
 * {@code parse}, {@code fromString}), never a constructor.
 */
public enum ValueType {
    /** Kept as text. */
    STRING(null, "text", null),
    /** {@code int} or {@code Integer}. */
    INT("toInt", "an integer", null),
    /** {@code long} or {@code Long}. */
    LONG("toLong", "an integer", null),
    /** {@code double} or {@code Double}. */
    DOUBLE("toDouble", "a number", null),
    /** {@code boolean} or {@code Boolean}. */
    BOOLEAN("toBoolean", "true or false", null),
    /** {@code java.util.UUID}. */
    UUID("toUuid", "a UUID", null),
    /** An enum type. */
    ENUM("toEnum", "an enum constant", null),
    /** {@code dev.spur.runtime.SafePath}: a relative path with no way out of where it is resolved. */
    SAFE_PATH("toSafePath", "a safe relative path", null),
    /** {@code java.nio.file.Path}, checked as a {@code SafePath} first. */
    FILE_PATH("toPath", "a safe relative path", null),
    /** {@code java.math.BigDecimal} (which has no factory from text, only a constructor). */
    DECIMAL("toBigDecimal", "a decimal number", null),
    /** {@code java.math.BigInteger} (which has no factory from text, only a constructor). */
    BIG_INTEGER("toBigInteger", "an integer", null),
    /** A type with {@code public static T valueOf(String)}. */
    VALUE_OF(null, null, "valueOf"),
    /** A type with {@code public static T of(String)}. */
    OF(null, null, "of"),
    /** A type with {@code public static T parse(CharSequence)} or {@code parse(String)}, as {@code java.time}'s. */
    PARSE(null, null, "parse"),
    /** A type with {@code public static T fromString(String)}. */
    FROM_STRING(null, null, "fromString");

    private final String converter;
    private final String description;
    private final String factory;

    ValueType(String converter, String description, String factory) {
        this.converter = converter;
        this.description = description;
        this.factory = factory;
    }

    /** The name of the runtime {@code Params} method that converts to this type, or null (text, factories). */
    public String converter() {
        return converter;
    }

    /** The name of the type's own static factory that converts to it, or null for Spur's own conversions. */
    public String factory() {
        return factory;
    }

    /** What a value of {@code type} (of this kind) looks like, for messages and documentation. */
    public String describe(TypeName type) {
        if (description != null) {
            return description;
        }
        KnownType known = KnownType.of(type);
        return known != null ? known.description() : "a valid " + ((ClassName) type).simpleName();
    }
}
