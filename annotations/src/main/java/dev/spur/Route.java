package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an HTTP route: on a method, a handler for {@link #method()} and {@link #path()}; on a
 * class, a path prefix joined to the path of every route method in it.
 *
 * <p>Template syntax: a path starts with {@code /}; each segment is a literal, {@code {name}} (one
 * whole non-empty segment bound to the handler parameter {@code name}) or, as the last segment
 * only, {@code {*name}} (the non-empty rest of the path, slashes included).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Route {

    /** The {@code GET} method; a GET route also answers {@code HEAD}. */
    String GET = "GET";
    /** The {@code POST} method. */
    String POST = "POST";
    /** The {@code PUT} method. */
    String PUT = "PUT";
    /** The {@code PATCH} method. */
    String PATCH = "PATCH";
    /** The {@code DELETE} method. */
    String DELETE = "DELETE";
    /** The {@code HEAD} method. */
    String HEAD = "HEAD";
    /** The {@code OPTIONS} method. */
    String OPTIONS = "OPTIONS";

    /**
     * The HTTP method of a route method (an upper-case token), or several
     * ({@code method = {"PUT", "POST"}}: one route per method, the same handler); ignored on a class.
     */
    String[] method() default GET;

    /** The path template (or, on a class, the path prefix). */
    String path() default "";
}
