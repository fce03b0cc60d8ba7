package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An answer a route can give that Spur cannot infer from its signature, for the OpenAPI document
 * the processor writes: an {@code HttpProblem} a handler throws (409, 412, ...) or an early answer
 * of a layer (401 from a bearer-token check). On a handler method it documents that route, on a
 * handler class every route of the class, on a {@code Layer} class every route the layer wraps.
 * Answers other than 2xx and 3xx are documented as {@code application/problem+json}.
 *
 * <p>The status must lie in 100..599, or compilation fails with {@code [Answer/BadStatus]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Answer.List.class)
public @interface Answer {

    /** The HTTP status. */
    int status();

    /** What the answer means, for the document. */
    String description();

    /**
     * The type of the answer's body, documented as JSON Schema under {@link #mediaType()}, as a
     * handler's return type would be ({@code String} is text); {@code void} for none. Ignored for
     * problems (4xx and 5xx), whose body is always {@code application/problem+json}.
     */
    Class<?> body() default void.class;

    /** The media type of {@link #body()}. */
    String mediaType() default "application/json";

    /**
     * Whether this answer comes from a bearer-token check: the routes it documents then carry a
     * {@code bearer} security requirement (HTTP bearer scheme).
     */
    boolean bearer() default false;

    /** Several {@link Answer}s on one element. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        /** The answers. */
        Answer[] value();
    }
}
