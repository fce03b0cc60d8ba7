package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a field of an {@code application/x-www-form-urlencoded} request
 * body, converted like a query parameter: an absent field is a 400 unless the parameter is an
 * {@code Optional}, a {@code List} or {@code Set} (then empty), or a {@link #defaultValue()} is
 * given. On a parameter whose type is a record, binds the whole form: each record component is the
 * field of its name (or of the name {@code @Form} gives on the component). A handler reads its
 * body once: {@code @Form} and {@link Body} do not go together. A body of another
 * {@code Content-Type} is a 415.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Form {

    /** The field's name; the handler parameter's (or record component's) name when empty. */
    String value() default "";

    /** The value used when the field is absent, converted like a sent value. */
    String defaultValue() default Query.NO_DEFAULT;
}
