package dev.spur.runtime;

import dev.spur.runtime.internal.RequestPath;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generated router knows about one of its routes: method, template, handler and where its
 * path parameters lie. Generated routers expose them as a table indexed by route number.
 *
 * @param method            the HTTP method
 * @param template          the path template, as written
 * @param handler           {@code Class.method} of the handler
 * @param parameterNames    the path parameters' names, in template order
 * @param parameterSegments the segment index of each path parameter
 * @param catchAll          whether the last parameter is a catch-all (takes the rest of the path)
 * @param conditions        the route's {@code @Match} conditions, readable; empty when it has none
 * @param hijack            the simple name of the {@code @Hijack} class the route belongs to; empty for a
 *                          normal route
 * @param layers            the simple names of the layers around the route, outermost first (the
 *                          application's, the service's, then the class's and the method's)
 * @param service           the service the route belongs to ({@code default} for handlers without
 *                          {@code @Service})
 * @param privateService    whether that service is {@code PRIVATE}: reached only through bindings
 */
public record RouteInfo(String method, String template, String handler, List<String> parameterNames,
                        int[] parameterSegments, boolean catchAll, String conditions, String hijack,
                        List<String> layers, String service, boolean privateService) {

    private static final String[] NO_VALUES = {};

    /** Copies the arrays and lists. */
    public RouteInfo {
        parameterNames = List.copyOf(parameterNames);
        parameterSegments = parameterSegments.clone();
        layers = List.copyOf(layers);
    }

    /** A route of the public default service. */
    public RouteInfo(String method, String template, String handler, List<String> parameterNames,
                     int[] parameterSegments, boolean catchAll, String conditions, String hijack,
                     List<String> layers) {
        this(method, template, handler, parameterNames, parameterSegments, catchAll, conditions, hijack, layers,
                "default", false);
    }

    /** A route without layers. */
    public RouteInfo(String method, String template, String handler, List<String> parameterNames,
                     int[] parameterSegments, boolean catchAll, String conditions, String hijack) {
        this(method, template, handler, parameterNames, parameterSegments, catchAll, conditions, hijack, List.of());
    }

    /**
     * The decoded values of the path parameters in {@code canonicalPath}, in template order, found
     * in one pass over the path.
     */
    public String[] parameterValues(String canonicalPath) {
        int count = parameterSegments.length;
        if (count == 0) {
            return NO_VALUES;
        }
        String[] values = new String[count];
        int segment = 0;
        int start = 1;
        for (int i = 0; i < count; i++) {
            int wanted = parameterSegments[i];
            while (segment < wanted) {
                start = canonicalPath.indexOf('/', start) + 1;
                segment++;
            }
            boolean rest = catchAll && i == count - 1;
            int end = rest ? -1 : canonicalPath.indexOf('/', start);
            values[i] = RequestPath.decodedPart(canonicalPath, start, end < 0 ? canonicalPath.length() : end);
        }
        return values;
    }

    /** The path parameters in {@code canonicalPath} by name. */
    public Map<String, String> parameters(String canonicalPath) {
        String[] values = parameterValues(canonicalPath);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(parameterNames.get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouteInfo that && method.equals(that.method) && template.equals(that.template)
                && handler.equals(that.handler) && parameterNames.equals(that.parameterNames)
                && Arrays.equals(parameterSegments, that.parameterSegments) && catchAll == that.catchAll
                && conditions.equals(that.conditions) && hijack.equals(that.hijack) && layers.equals(that.layers)
                && service.equals(that.service) && privateService == that.privateService;
    }

    @Override
    public int hashCode() {
        return (method + template + handler).hashCode() * 31 + Arrays.hashCode(parameterSegments);
    }

    /** {@code GET /about [produces=application/json]}, with {@code (hijack Echo)} for a hijacked route. */
    public String describe() {
        return method + " " + template + (conditions.isEmpty() ? "" : " [" + conditions + "]")
                + (hijack.isEmpty() ? "" : " (hijack " + hijack + ")");
    }

    /** {@code service gateway}, {@code private service audit}: for route tables. */
    public String describeService() {
        return (privateService ? "private " : "") + "service " + service;
    }

    @Override
    public String toString() {
        return describe() + " -> " + handler + (layers.isEmpty() ? "" : " via " + String.join(", ", layers));
    }
}
