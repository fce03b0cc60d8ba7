package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups handler classes into a named service: on a handler class, or on a {@code package-info.java}
 * for every handler class of that package. A {@code PUBLIC} service is served on the network
 * listeners (only for requests to {@link #host()} when one is given); a {@code PRIVATE} one is
 * reached only through service bindings: in process, or on the internal listener with its
 * credential when the services run in separate processes. Handlers outside any service form the
 * public service {@value #DEFAULT}.
 *
 * <p>The processor generates one binding client per service, {@code <Name>Binding} in the router's
 * package (service {@code name = "audit"} gives {@code AuditBinding}), with a typed method per route. A
 * handler or layer that takes a binding as a constructor parameter is created by the router, which
 * wires the binding in. {@code @Layer} on the {@code package-info.java} that declares a service puts
 * layers around every route of the service, between the application's and the class's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Service {

    /** The name of the service of handlers that declare none. */
    String DEFAULT = "default";

    /**
     * The service's name: a lower-case letter, then lower-case letters, digits and single hyphens
     * ({@code store}, {@code audit-log}); unique in the application.
     */
    String name();

    /** Who may reach the service's routes. */
    Visibility visibility() default Visibility.PUBLIC;

    /**
     * The host a {@code PUBLIC} service answers on ({@code api.example.com}, matched without port and
     * case); empty for any host. A {@code PRIVATE} service has none.
     */
    String host() default "";

    /** Who may reach a service's routes. */
    enum Visibility {
        /** Anyone who reaches a network listener. */
        PUBLIC,
        /** Only the application's own services: through bindings, or the internal listener with its credential. */
        PRIVATE
    }
}
