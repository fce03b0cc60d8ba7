package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes every request its matcher accepts away from the normal routes: such a request is routed
 * among this class's own {@code @Route} methods only, and answered with this class's own 404/405
 * when none fits. The normal routes never see it. Several hijacks are tried in {@link #order()}
 * (then by class name).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Hijack {

    /** The conditions under which requests are taken (alternatives, like repeated {@link Match}). */
    Match[] value();

    /** Lower orders are tried first. */
    int order() default 0;
}
