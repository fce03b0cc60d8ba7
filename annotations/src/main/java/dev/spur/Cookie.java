package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a request cookie (from the {@code Cookie} header; the name is
 * case-sensitive, the value taken as sent, without percent-decoding). An absent cookie is a 400
 * unless the handler parameter is an {@code Optional}, a {@code List} or {@code Set} (then empty),
 * or a {@link #defaultValue()} is given.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Cookie {

    /** The cookie's name; the handler parameter's name when empty. */
    String value() default "";

    /** The value used when the cookie is absent, converted like a sent value. */
    String defaultValue() default Query.NO_DEFAULT;
}
