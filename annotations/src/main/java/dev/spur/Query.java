package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a query parameter. An absent parameter is a 400 unless the handler
 * parameter is an {@code Optional} or a {@link #defaultValue()} is given.
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
