package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a query parameter. An absent parameter is a 400 unless the handler
 * parameter is an {@code Optional}, a {@code List} or {@code Set} (every value of a repeated
 * parameter; empty when absent), or a {@link #defaultValue()} is given. A single-valued parameter
 * sent more than once is a 400.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {

    /** Marks "no default value": the parameter is required unless it is an {@code Optional}. */
    String NO_DEFAULT = "\u0000spur:no-default";

    /** The query parameter's name; the handler parameter's name when empty. */
    String value() default "";

    /** The value used when the query parameter is absent, converted like a sent value. */
    String defaultValue() default NO_DEFAULT;
}
