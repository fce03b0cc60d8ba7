package dev.spur.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.LayerModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.ServiceModel;
import dev.spur.processor.model.Wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.VariableElement;

/**
 * Checks the bindings that handler and layer constructors declare: none may reach a route that
 * needs Helidon's own request or response, and services may not bind each other in a cycle.
 */
public final class Bindings {

    private Bindings() {
    }

    /** One binding parameter: the service whose class declares it, and the service it binds. */
    private record Edge(String from, String to, VariableElement parameter) {
    }

    /** Reports every binding to a raw route and every cycle of services. */
    public static void check(RouterModel model, Reporter reporter) {
        if (!model.hasServices()) {
            return;
        }
        List<Edge> edges = new ArrayList<>();
        for (HandlerModel handler : model.handlers()) {
            if (handler.wiring() != null) {
                addEdges(edges, Set.of(handler.service()), handler.wiring());
            }
        }
        for (LayerModel layer : model.layers()) {
            if (layer.wiring() != null) {
                addEdges(edges, servicesUsing(model, layer.type()), layer.wiring());
            }
        }
        // a layer's binding is an edge per service it wraps: report each parameter once
        Set<VariableElement> reportedRaw = new LinkedHashSet<>();
        for (Edge edge : edges) {
            RouteModel raw = rawRoute(model, edge.to());
            if (raw != null && reportedRaw.add(edge.parameter())) {
                ServiceModel target = model.services().get(model.serviceIndex(edge.to()));
                reporter.error(Diagnostic.BINDING_RAW_ROUTE, edge.parameter(), target.binding().simpleName(),
                        raw.describe(), raw.handlerName(), rawType(raw), edge.to());
            }
        }
        reportCycles(edges, reporter);
    }

    private static void addEdges(List<Edge> edges, Set<String> owners, List<Wire> wiring) {
        for (Wire wire : wiring) {
            if (wire instanceof Wire.Bind bind) {
                for (String owner : owners) {
                    edges.add(new Edge(owner, bind.service(), bind.parameter()));
                }
            }
        }
    }

    /** The services with a route that {@code layer} wraps (every service for an application layer). */
    private static Set<String> servicesUsing(RouterModel model, ClassName layer) {
        Set<String> services = new LinkedHashSet<>();
        for (RouteModel route : model.routes()) {
            if (model.applicationLayers().contains(layer) || route.layers().contains(layer)) {
                services.add(route.handler().service());
            }
        }
        return services;
    }

    private static RouteModel rawRoute(RouterModel model, String service) {
        for (RouteModel route : model.routes()) {
            if (route.handler().service().equals(service)
                    && route.params().stream().anyMatch(p -> p instanceof ParamModel.Exchange)) {
                return route;
            }
        }
        return null;
    }

    private static String rawType(RouteModel route) {
        return route.params().stream().filter(p -> p instanceof ParamModel.Exchange)
                .map(p -> ((ParamModel.Exchange) p).response() ? "ServerResponse" : "ServerRequest")
                .findFirst().orElseThrow();
    }

    /** Reports each cycle once, at the binding parameter that closes it. */
    private static void reportCycles(List<Edge> edges, Reporter reporter) {
        Map<String, List<Edge>> out = new LinkedHashMap<>();
        edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
        Set<String> reported = new LinkedHashSet<>();
        Set<String> done = new LinkedHashSet<>();
        for (String start : out.keySet()) {
            walk(start, out, new ArrayList<>(), done, reported, reporter);
        }
    }

    private static void walk(String service, Map<String, List<Edge>> out, List<Edge> path, Set<String> done,
                             Set<String> reported, Reporter reporter) {
        if (done.contains(service)) {
            return;
        }
        for (Edge edge : out.getOrDefault(service, List.of())) {
            boolean self = edge.to().equals(edge.from());
            int at = self ? path.size() : indexOf(path, edge.to());
            if (at >= 0) {
                List<String> cycle = new ArrayList<>();
                for (Edge step : path.subList(at, path.size())) {
                    cycle.add(step.from());
                }
                cycle.add(edge.from());
                cycle.add(edge.to());
                String key = canonical(cycle);
                if (reported.add(key)) {
                    reporter.error(Diagnostic.BINDING_CYCLE, edge.parameter(), String.join(" \u2192 ", cycle));
                }
                continue;
            }
            path.add(edge);
            walk(edge.to(), out, path, done, reported, reporter);
            path.removeLast();
        }
        if (path.isEmpty()) {
            done.add(service);
        }
    }

    /** The index in {@code path} of the edge that leaves {@code service}, or -1. */
    private static int indexOf(List<Edge> path, String service) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).from().equals(service)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A cycle as the rotation of its services that starts with the least name, so that each cycle is
     * reported once whichever of its services it was found from ({@code cycle} ends where it starts).
     */
    private static String canonical(List<String> cycle) {
        List<String> ring = cycle.subList(0, cycle.size() - 1);
        int start = ring.indexOf(ring.stream().min(String::compareTo).orElseThrow());
        List<String> rotated = new ArrayList<>(ring.subList(start, ring.size()));
        rotated.addAll(ring.subList(0, start));
        return String.join(",", rotated);
    }
}
