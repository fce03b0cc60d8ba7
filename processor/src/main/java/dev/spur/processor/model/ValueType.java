package dev.spur.processor.model;

/** How a parameter's text converts to the handler's type. */
public enum ValueType {
    /** Kept as text. */
    STRING(null, "text"),
    /** {@code int} or {@code Integer}. */
    INT("toInt", "an integer"),
    /** {@code long} or {@code Long}. */
    LONG("toLong", "an integer"),
    /** {@code double} or {@code Double}. */
    DOUBLE("toDouble", "a number"),
    /** {@code boolean} or {@code Boolean}. */
    BOOLEAN("toBoolean", "true or false"),
    /** {@code java.util.UUID}. */
    UUID("toUuid", "a UUID"),
    /** An enum type. */
    ENUM("toEnum", "an enum constant");

    private final String converter;
    private final String description;

    ValueType(String converter, String description) {
        this.converter = converter;
        this.description = description;
    }

    /** The name of the runtime {@code Params} method that converts to this type, or null for text. */
    public String converter() {
        return converter;
    }

    /** What a value of this type looks like, for documentation. */
    public String description() {
        return description;
    }
}
