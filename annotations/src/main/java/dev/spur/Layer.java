package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts layers (classes implementing {@code dev.spur.runtime.Layer}) around routes: on the router
 * package's {@code package-info.java} around every request the application answers (the router's
 * own 400/404/405 and hijacked requests included), on a handler class around its routes, on a
 * {@code @Route} method around that route. The chain runs outermost first (application, class,
 * method), in declaration order at each level, and is generated per route as direct calls.
 *
 * <p>A layer class with a public no-argument constructor is created by the router; any other is
 * given to the generated builder.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE, ElementType.METHOD})
public @interface Layer {

    /** The layer classes, outermost first. */
    Class<?>[] value();
}
