package dev.spur.processor.generate;

import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;

/**
 * Writes the route table resource ({@code META-INF/spur/<router>.routes}): one route a line,
 * tab-separated method, template, handler, conditions ({@code -} for none), hijacking class
 * ({@code -} for a normal route), layers, outermost first ({@code -} for none), and the service
 * with its visibility, so tools can
 * list routes without running the app.
 */
public final class RouteTableWriter {

    private RouteTableWriter() {
    }

    /** The resource's path under the class output. */
    public static String resourceName(RouterModel model) {
        return "META-INF/spur/" + model.name().canonicalName() + ".routes";
    }

    /** The resource's text. */
    public static String write(RouterModel model) {
        StringBuilder text = new StringBuilder("# method\ttemplate\thandler\tconditions\thijack\tlayers\tservice\n");
        for (RouteModel route : model.routes()) {
            text.append(route.httpMethod()).append('\t')
                    .append(route.template().source()).append('\t')
                    .append(route.handler().type().canonicalName()).append('.').append(route.handlerMethod())
                    .append('\t').append(route.guard().always() ? "-" : route.guard().describe())
                    .append('\t').append(route.hijack() == null ? "-" : route.hijack().type().canonicalName())
                    .append('\t').append(layers(model, route))
                    .append('\t').append(service(model, route))
                    .append('\n');
        }
        return text.toString();
    }

    /** {@code gateway (public)}, {@code audit (private)}; {@code default (public)} without services. */
    private static String service(RouterModel model, RouteModel route) {
        var service = model.serviceOf(route);
        return service.name() + (service.isPrivate() ? " (private)" : " (public)");
    }

    private static String layers(RouterModel model, RouteModel route) {
        java.util.List<String> names = new java.util.ArrayList<>();
        model.applicationLayers().forEach(l -> names.add(l.canonicalName()));
        route.layers().forEach(l -> names.add(l.canonicalName()));
        return names.isEmpty() ? "-" : String.join(",", names);
    }
}
