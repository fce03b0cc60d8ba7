package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one generated router is made from: its name, its handlers (those that need an
 * instance), its routes, numbered by position, and its hijacks in the order they are tried.
 * {@code shadowed} holds the simple names that types of the router's own package take from
 * {@code java.lang}, which generated code must therefore always qualify. {@code applicationLayers}
 * wrap everything the router answers, outermost first; {@code layers} holds one instance field per
 * layer class any level uses. {@code packageTypes} maps the simple names of the types of the
 * router's package to their qualified names: in the router they hide other types and packages.
 * {@code services} are the services handlers declare, the implicit default one among them when
 * some handler declares none; empty when no handler declares one.
 */
public record RouterModel(ClassName name, List<HandlerModel> handlers, List<RouteModel> routes,
                          List<HijackModel> hijacks, Set<String> shadowed, List<ClassName> applicationLayers,
                          List<LayerModel> layers, java.util.Map<String, String> packageTypes,
                          List<ServiceModel> services) {

    /** A router whose handlers declare no service. */
    public RouterModel(ClassName name, List<HandlerModel> handlers, List<RouteModel> routes,
                       List<HijackModel> hijacks, Set<String> shadowed, List<ClassName> applicationLayers,
                       List<LayerModel> layers, java.util.Map<String, String> packageTypes) {
        this(name, handlers, routes, hijacks, shadowed, applicationLayers, layers, packageTypes, List.of());
    }

    /** Copies the collections. */
    public RouterModel {
        services = List.copyOf(services);
        applicationLayers = List.copyOf(applicationLayers);
        layers = List.copyOf(layers);
        packageTypes = java.util.Map.copyOf(packageTypes);
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
        hijacks = List.copyOf(hijacks);
        shadowed = Set.copyOf(new TreeSet<>(shadowed));
    }

    /**
     * The types routes read and write as JSON (bodies and results that are neither text, bytes nor
     * void), in route order: where the JSON schemas of an API description come from.
     */
    public java.util.Set<com.palantir.javapoet.TypeName> jsonTypes() {
        java.util.Set<com.palantir.javapoet.TypeName> types = new java.util.LinkedHashSet<>();
        for (RouteModel route : routes) {
            for (ParamModel param : route.params()) {
                if (param instanceof ParamModel.Body body && body.kind() == ParamModel.BodyKind.JSON) {
                    types.add(body.type());
                }
            }
            if (route.result() == ResultKind.JSON || route.result() == ResultKind.OPTIONAL) {
                types.add(route.valueType());
            }
        }
        return types;
    }

    /** Whether handlers declare services: the router then checks who may reach each route. */
    public boolean hasServices() {
        return !services.isEmpty();
    }

    /** The number of service {@code name} in {@link #services()}. */
    public int serviceIndex(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /** The service of {@code route}; the default service when the router declares none. */
    public ServiceModel serviceOf(RouteModel route) {
        return hasServices() ? services.get(serviceIndex(route.handler().service())) : ServiceModel.implicitDefault();
    }

    /** The instance field of layer class {@code type}. */
    public LayerModel layer(ClassName type) {
        return layers.stream().filter(l -> l.type().equals(type)).findFirst().orElseThrow();
    }
}
