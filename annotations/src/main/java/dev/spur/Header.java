package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a request header (case-insensitive name). An absent header is a
 * 400 unless the handler parameter is an {@code Optional}, a {@code List} or {@code Set} (the
 * elements of every field of that name, split at commas; empty when absent), or a
 * {@link #defaultValue()} is given. A single-valued header sent in more than one field is a 400.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {

    /** The header's name; must not be empty. */
    String value();

    /** The value used when the header is absent, converted like a sent value. */
    String defaultValue() default Query.NO_DEFAULT;
}
