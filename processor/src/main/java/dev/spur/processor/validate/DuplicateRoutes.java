package dev.spur.processor.validate;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.parse.Annotations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;

/**
 * Rejects two routes that would match exactly the same requests: the same method, the same
 * template shape (parameter names aside) and the same conditions, in the same hijack or both
 * outside any. The later one is reported, naming both handlers.
 */
public final class DuplicateRoutes {

    private DuplicateRoutes() {
    }

    /** Reports every duplicate in {@code routes}; returns whether there was none. */
    public static boolean check(List<RouteModel> routes, Reporter reporter) {
        Map<String, RouteModel> seen = new HashMap<>();
        boolean ok = true;
        for (RouteModel route : routes) {
            String key = route.httpMethod() + " " + route.template().shape() + " " + route.guard().canonical()
                    + " " + (route.hijack() == null ? "" : route.hijack().type().canonicalName());
            RouteModel first = seen.putIfAbsent(key, route);
            if (first != null) {
                ok = false;
                AnnotationMirror annotation = Annotations.find(route.origin(), Annotations.ROUTE).orElseThrow();
                reporter.error(Diagnostic.DUPLICATE_ROUTE, route.origin(), annotation,
                        Annotations.explicit(annotation, "path"),
                        route.httpMethod(), route.template().source(), route.handlerName(),
                        first.httpMethod(), first.template().source(), first.handlerName());
            }
        }
        return ok;
    }
}
