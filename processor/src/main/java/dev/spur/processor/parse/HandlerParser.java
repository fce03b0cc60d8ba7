package dev.spur.processor.parse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.Guard;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.MatchModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.PathTemplate;
import dev.spur.processor.model.ResultKind;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.validate.Satisfiable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Turns one handler class into its {@link HandlerModel} and {@link RouteModel}s, reporting every
 * mistake it finds (it goes on after the first, so one compile shows them all).
 */
public final class HandlerParser {

    private static final Pattern METHOD_TOKEN = Pattern.compile("[A-Z][A-Z0-9!#$%&'*+.^_`|~-]*");

    private final Elements elements;
    private final Reporter reporter;
    private final MatchParser matches;
    private final String routerPackage;
    private final LayerParser layers;
    private List<ClassName> classLayers = List.of();

    /** A parser for handlers of a router generated in {@code routerPackage}. */
    public HandlerParser(Elements elements, Reporter reporter, MatchParser matches, String routerPackage,
                         LayerParser layers) {
        this.elements = elements;
        this.layers = layers;
        this.reporter = reporter;
        this.matches = matches;
        this.routerPackage = routerPackage;
    }

    /** A parsed handler class: its valid routes, and its hijack when it is one. */
    public record Parsed(List<RouteModel> routes, HijackModel hijack) {
    }

    /** Parses {@code type}; its routes list is empty when it has none or only errors. */
    public Parsed parse(TypeElement type, String field) {
        return parse(type, field, dev.spur.processor.model.ServiceModel.DEFAULT, null, List.of());
    }

    /**
     * Parses {@code type} as a handler of service {@code service}, created from {@code wiring} when it
     * takes bindings (null when not), its routes inside the service's {@code serviceLayers}.
     */
    public Parsed parse(TypeElement type, String field, String service, List<dev.spur.processor.model.Wire> wiring,
                        List<ClassName> serviceLayers) {
        List<ClassName> own = layers.layers(type);
        if (serviceLayers.isEmpty()) {
            classLayers = own;
        } else {
            classLayers = new ArrayList<>(serviceLayers);
            classLayers.addAll(own);
        }
        String prefix = prefix(type);
        boolean callable = checkCallable(type);
        List<MatchModel> classMatches = matches.alternatives(type);
        HijackModel hijack = hijack(type);
        HandlerModel handler = new HandlerModel(ClassName.get(type), field, TypeSupport.creatable(type),
                dependencies(type), service, wiring);
        List<RouteModel> routes = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Optional<AnnotationMirror> route = Annotations.find(method, Annotations.ROUTE);
            if (route.isPresent() && prefix != null) {
                List<RouteModel> models = parseRoute(handler, method, route.get(), prefix, classMatches, hijack);
                if (callable && classMatches != null) {
                    routes.addAll(models);
                }
            }
        }
        return new Parsed(routes, hijack);
    }

    private HijackModel hijack(TypeElement type) {
        Optional<AnnotationMirror> mirror = Annotations.find(type, Annotations.HIJACK);
        if (mirror.isEmpty()) {
            return null;
        }
        List<MatchModel> alternatives = matches.parseAll(type, MatchParser.nested(mirror.get()));
        if (alternatives == null) {
            return null;
        }
        if (alternatives.isEmpty()) {
            reporter.error(Diagnostic.MATCH_EMPTY, type, mirror.get());
            return null;
        }
        String conflict = Satisfiable.conflict(new Guard(List.of(alternatives)));
        if (conflict != null) {
            reporter.error(Diagnostic.UNSATISFIABLE, type, mirror.get(), "hijack " + type.getSimpleName(), conflict);
            return null;
        }
        AnnotationValue order = Annotations.explicit(mirror.get(), "order");
        return new HijackModel(ClassName.get(type), order == null ? 0 : (Integer) order.getValue(),
                new Guard(List.of(alternatives)), type);
    }

    /** The class-level prefix, or null when it is malformed (reported). */
    private String prefix(TypeElement type) {
        Optional<AnnotationMirror> classRoute = Annotations.find(type, Annotations.ROUTE);
        if (classRoute.isEmpty()) {
            return "";
        }
        String prefix = Annotations.string(classRoute.get(), "path");
        try {
            TemplateParser.checkPrefix(prefix);
            return prefix;
        } catch (TemplateParser.TemplateException e) {
            reporter.error(e.diagnostic(), type, classRoute.get(), Annotations.explicit(classRoute.get(), "path"),
                    e.args());
            return null;
        }
    }

    private boolean checkCallable(TypeElement type) {
        String what = "Handler class " + type.getSimpleName();
        if (!type.getTypeParameters().isEmpty()) {
            reporter.error(Diagnostic.INACCESSIBLE, type, what, "generic handler classes are not supported");
            return false;
        }
        String unreachable = TypeSupport.unreachable(type, elements, routerPackage, "handlers");
        if (unreachable != null) {
            reporter.error(Diagnostic.INACCESSIBLE, type, what, unreachable);
            return false;
        }
        return true;
    }

    private boolean inRouterPackage(Element element) {
        return elements.getPackageOf(element).getQualifiedName().contentEquals(routerPackage);
    }

    /** The distinct parameter types of the public constructors of {@code type}, in declaration order. */
    private static List<TypeName> dependencies(TypeElement type) {
        java.util.Set<TypeName> types = new java.util.LinkedHashSet<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
                constructor.getParameters().forEach(p -> types.add(TypeName.get(p.asType())));
            }
        }
        return List.copyOf(types);
    }

    /** The routes of {@code method}: one per HTTP method its {@code @Route} names; empty on errors (reported). */
    private List<RouteModel> parseRoute(HandlerModel handler, ExecutableElement method, AnnotationMirror route,
                                        String prefix, List<MatchModel> classMatches, HijackModel hijack) {
        int errorsBefore = reporter.errorCount();
        List<Map.Entry<String, AnnotationValue>> httpMethods = Annotations.strings(route, "method");
        if (httpMethods.isEmpty()) {
            reporter.error(Diagnostic.BAD_METHOD, method, route, Annotations.explicit(route, "method"), "");
        }
        for (Map.Entry<String, AnnotationValue> httpMethod : httpMethods) {
            if (!METHOD_TOKEN.matcher(httpMethod.getKey()).matches()) {
                reporter.error(Diagnostic.BAD_METHOD, method, route,
                        httpMethod.getValue() != null ? httpMethod.getValue() : Annotations.explicit(route, "method"),
                        httpMethod.getKey());
            }
        }
        checkMethodCallable(method);
        AnnotationValue pathValue = Annotations.explicit(route, "path");
        PathTemplate template;
        try {
            template = TemplateParser.parse(prefix, Annotations.string(route, "path"));
        } catch (TemplateParser.TemplateException e) {
            reporter.error(e.diagnostic(), method, route, pathValue, e.args());
            return List.of();
        }
        checkTypesAccessible(method);
        List<ParamModel> params = new ParameterParser(reporter, method, template).parse();
        for (String name : template.parameterNames()) {
            if (method.getParameters().stream().noneMatch(p -> p.getSimpleName().contentEquals(name))) {
                reporter.error(Diagnostic.UNBOUND_PARAM, method, route, pathValue, name, template.source(), name,
                        method.getSimpleName() + "()");
            }
        }
        ResultKind result = TypeSupport.resultKind(method.getReturnType());
        if (result == null) {
            reporter.error(Diagnostic.UNSUPPORTED_RETURN_TYPE, method, method.getReturnType(),
                    method.getSimpleName() + "()");
        }
        List<MatchModel> methodMatches = matches.alternatives(method);
        Guard guard = Guard.ALWAYS;
        if (classMatches != null && methodMatches != null) {
            guard = new Guard(List.of(classMatches, methodMatches));
            String conflict = Satisfiable.conflict(hijack == null ? guard : hijack.guard().and(guard));
            if (conflict != null) {
                reporter.error(Diagnostic.UNSATISFIABLE, method,
                        Annotations.find(method, Annotations.MATCH).or(() -> Annotations.find(method,
                                Annotations.MATCH_LIST).map(list -> MatchParser.nested(list).getFirst())).orElse(route),
                        method.getSimpleName() + "()", conflict);
            }
        }
        List<ClassName> routeLayers = routeLayers(method);
        if (reporter.errorCount() > errorsBefore) {
            return List.of();
        }
        TypeName resultType = method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID ? TypeName.VOID
                : TypeName.get(method.getReturnType());
        List<RouteModel> routes = new ArrayList<>();
        for (Map.Entry<String, AnnotationValue> httpMethod : httpMethods) {
            routes.add(new RouteModel(httpMethod.getKey(), template, handler, method.getSimpleName().toString(),
                    method.getModifiers().contains(Modifier.STATIC), params, result, resultType, guard,
                    hijack, method, routeLayers));
        }
        return routes;
    }

    /** The class's layers, then the method's. */
    private List<ClassName> routeLayers(ExecutableElement method) {
        List<ClassName> all = new ArrayList<>(classLayers);
        all.addAll(layers.layers(method));
        return all;
    }

    /** Reports each parameter, and the result, whose type (type arguments included) the router cannot name. */
    private void checkTypesAccessible(ExecutableElement method) {
        for (VariableElement parameter : method.getParameters()) {
            String problem = inaccessiblePart(parameter.asType());
            if (problem != null) {
                reporter.error(Diagnostic.INACCESSIBLE, parameter, "Parameter '" + parameter.getSimpleName() + "' of "
                        + method.getSimpleName() + "()", "its type " + parameter.asType() + " " + problem);
            }
        }
        String problem = inaccessiblePart(method.getReturnType());
        if (problem != null) {
            reporter.error(Diagnostic.INACCESSIBLE, method, "Handler method " + method.getSimpleName() + "()",
                    "its return type " + method.getReturnType() + " " + problem);
        }
    }

    /** Why generated code in the router's package cannot name {@code type}, or null when it can. */
    private String inaccessiblePart(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> inaccessiblePart(((ArrayType) type).getComponentType());
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
                        : wildcard.getSuperBound();
                yield bound == null ? null : inaccessiblePart(bound);
            }
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                for (Element e = declared.asElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
                    if (t.getModifiers().contains(Modifier.PRIVATE)) {
                        yield "uses " + t.getQualifiedName() + ", which is private; make it public";
                    }
                    if (!t.getModifiers().contains(Modifier.PUBLIC) && !inRouterPackage(t)) {
                        yield "uses " + t.getQualifiedName() + ", which is not public and the router is generated "
                                + "in package '" + routerPackage + "'; make it public";
                    }
                }
                for (TypeMirror argument : declared.getTypeArguments()) {
                    String problem = inaccessiblePart(argument);
                    if (problem != null) {
                        yield problem;
                    }
                }
                yield null;
            }
            default -> null;
        };
    }

    private void checkMethodCallable(ExecutableElement method) {
        String what = "Handler method " + method.getSimpleName() + "()";
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(Diagnostic.INACCESSIBLE, method, what, "it is private; make it public");
        } else if (!method.getModifiers().contains(Modifier.PUBLIC) && !inRouterPackage(method)) {
            reporter.error(Diagnostic.INACCESSIBLE, method, what, "it is not public and the router is generated in "
                    + "package '" + routerPackage + "'; make it public");
        } else if (!method.getTypeParameters().isEmpty()) {
            reporter.error(Diagnostic.INACCESSIBLE, method, what, "generic handler methods are not supported");
        } else if (method.isVarArgs()) {
            reporter.error(Diagnostic.INACCESSIBLE, method, what, "varargs handler methods are not supported");
        }
    }
}
