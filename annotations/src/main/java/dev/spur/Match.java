package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Extra conditions a request must meet for a route (on a method), for every route of a class (on
 * a class), or for a {@link Hijack}. All conditions given in one {@code @Match} must hold; several
 * {@code @Match} on one element are alternatives; {@link #negate()} inverts one. A route whose
 * conditions fail does not match and the priority walk goes on to the next candidate. When only
 * {@link #consumes()} or {@link #produces()} failed, the answer is 415 or 406.
 *
 * <p>Every value is checked at compile time; a malformed one is a compile error on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Match.List.class)
public @interface Match {

    /**
     * The request's host: {@code api.example.com} exactly, or {@code *.example.com} for any
     * subdomain (not the bare domain). Compared case-insensitively, ignoring a port and a
     * trailing dot.
     */
    String host() default "";

    /** Headers that must be present ({@code X-Debug}) or equal a value ({@code X-Api-Version=2}). */
    String[] header() default {};

    /** Query parameters that must be present ({@code debug}) or equal a value ({@code format=json}). */
    String[] query() default {};

    /**
     * Media types the request's {@code Content-Type} must match (any of them), e.g.
     * {@code application/json}, {@code text/*}, {@code application/*+json}.
     */
    String[] consumes() default {};

    /** Media types the route answers with; one must be acceptable under the request's {@code Accept}. */
    String[] produces() default {};

    /** {@code http} or {@code https}. */
    String scheme() default "";

    /** The HTTP version: {@code 1.0}, {@code 1.1} or {@code 2}. */
    String version() default "";

    /** The local port the request arrived on (the socket matcher); 0 for any. */
    int port() default 0;

    /** The name of the Helidon listener the request arrived on ({@code @default} for the default one). */
    String listener() default "";

    /** Networks the peer's address must lie in (any of them), as CIDRs: {@code 10.0.0.0/8}, {@code ::1/128}. */
    String[] remote() default {};

    /**
     * A class implementing {@code dev.spur.runtime.RequestMatcher} with a public no-argument
     * constructor; {@code void.class} for none.
     */
    Class<?> custom() default void.class;

    /** Whether this {@code @Match} holds exactly when its conditions do not all hold. */
    boolean negate() default false;

    /** The container of repeated {@link Match} annotations. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        /** The alternatives. */
        Match[] value();
    }
}
