package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * A {@code @Hijack} class: the requests its guard accepts are routed among its own routes only.
 *
 * @param type   the hijacking class
 * @param order  lower is tried first
 * @param guard  when it takes a request
 * @param origin the class, to anchor diagnostics
 */
public record HijackModel(ClassName type, int order, Guard guard, Element origin) {

    /** The hijack's routes among {@code routes}. */
    public List<RouteModel> routesIn(List<RouteModel> routes) {
        return routes.stream().filter(r -> this.equals(r.hijack())).toList();
    }
}
