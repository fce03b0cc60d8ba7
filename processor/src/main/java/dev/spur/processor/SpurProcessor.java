package dev.spur.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.spur.processor.generate.BindingWriter;
import dev.spur.processor.generate.OpenApiWriter;
import dev.spur.processor.generate.RouteTableWriter;
import dev.spur.processor.generate.RouterWriter;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.ServiceModel;
import dev.spur.processor.parse.Annotations;
import dev.spur.processor.parse.HandlerParser;
import dev.spur.processor.parse.LayerParser;
import dev.spur.processor.model.LayerModel;
import dev.spur.processor.parse.MatchParser;
import dev.spur.processor.parse.ServiceParser;
import dev.spur.processor.parse.Wiring;
import dev.spur.processor.validate.Bindings;
import dev.spur.processor.validate.DuplicateHijacks;
import dev.spur.processor.validate.DuplicateRoutes;
import dev.spur.processor.validate.ObscuredPackages;
import dev.spur.processor.validate.OrphanMatches;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Spur's annotation processor: collects the {@code @Route} handlers of a compilation, parses them
 * into a model, validates it and writes one router. It only dispatches; each step lives in its
 * own package.
 */
@AutoService(Processor.class)
public final class SpurProcessor extends AbstractProcessor {

    /** The parameter names of the generated router's methods (see the writers' {@code addParameter} calls). */
    private static final java.util.SortedSet<String> GENERATED_PARAMETERS = new java.util.TreeSet<>(java.util.List.of(
            "allow", "builder", "end", "last", "method", "near", "path", "request", "response", "route",
            "router", "start", "strict", "table"));


    /** Processor option: the fully qualified name of the generated router. */
    public static final String ROUTER_OPTION = "spur.router";
    /** The router's simple name when the option is not given. */
    public static final String DEFAULT_ROUTER_NAME = "SpurRouter";

    private final Set<String> deferred = new TreeSet<>();
    private boolean generated;

    /** The annotation Spur puts on the router it writes. */
    private static final String GENERATED = "javax.annotation.processing.Generated";

    /**
     * Spur's own annotations, and {@code @Generated} so that the router Spur writes can be claimed
     * in the round that compiles it (see {@link #claims}).
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.ROUTE, Annotations.QUERY, Annotations.HEADER, Annotations.COOKIE, Annotations.FORM,
                Annotations.BODY, Annotations.MULTIPART_LIMITS,
                Annotations.MATCH, Annotations.MATCH_LIST, Annotations.HIJACK, Annotations.LAYER,
                Annotations.ANSWER, Annotations.ANSWER_LIST, Annotations.SERVICE, GENERATED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ROUTER_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Runs a round and claims its annotations when they are Spur's alone (see {@link #claims}).
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            // A handler type that never resolved is javac's own "cannot find symbol" error.
            return false;
        }
        run(round);
        return claims(annotations, round);
    }

    /**
     * Whether this round's {@code annotations} are claimed. javac's {@code processing} lint warns
     * "No processor claimed any of these annotations" for every annotation no processor claimed,
     * which fails a user's {@code -Xlint:all -Werror} build. Spur claims its own {@code dev.spur}
     * annotations, which no other processor reads, and {@code @Generated} only in a round where
     * every element carrying it is a router Spur wrote. javac claims a processor's whole set or
     * nothing, so a round that also holds another tool's {@code @Generated} sources claims nothing:
     * other processors still see everything that is not Spur's.
     */
    private static boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            if (name.equals(GENERATED)) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    if (!writtenBySpur(element)) {
                        return false;
                    }
                }
            } else if (!name.startsWith("dev.spur.")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code element}'s {@code @Generated} names Spur's processor. */
    private static boolean writtenBySpur(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(GENERATED)) {
                for (var entry : mirror.getElementValues().entrySet()) {
                    if (entry.getKey().getSimpleName().contentEquals("value")
                            && entry.getValue().getValue() instanceof List<?> values) {
                        return values.size() == 1 && values.getFirst() instanceof AnnotationValue v
                                && SpurProcessor.class.getName().equals(v.getValue());
                    }
                }
            }
        }
        return false;
    }

    /** The elements of every round so far that carry {@code @Service}. */
    private final Set<Element> serviceAnnotated = new LinkedHashSet<>();

    /** The elements of this round that carry {@code @Layer}. */
    private final Set<Element> layerAnnotated = new LinkedHashSet<>();

    private void run(RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager(), RepeatedAnnotationLocator.create(processingEnv));
        OrphanMatches.check(matchAnnotated(round), reporter);
        layerAnnotated.clear();
        TypeElement layerAnnotation = processingEnv.getElementUtils().getTypeElement(Annotations.LAYER);
        if (layerAnnotation != null) {
            for (Element element : round.getElementsAnnotatedWith(layerAnnotation)) {
                if (element instanceof ExecutableElement method && Annotations.find(method, Annotations.ROUTE).isEmpty()) {
                    reporter.error(Diagnostic.LAYER_WITHOUT_ROUTE, method,
                            Annotations.find(method, Annotations.LAYER).orElseThrow(),
                            method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()");
                }
                layerAnnotated.add(element);
            }
        }
        TypeElement serviceAnnotation = processingEnv.getElementUtils().getTypeElement(Annotations.SERVICE);
        if (serviceAnnotation != null) {
            serviceAnnotated.addAll(round.getElementsAnnotatedWith(serviceAnnotation));
        }
        checkAnswers(round, reporter);
        Set<TypeElement> handlers = handlers(round);
        if (handlers.isEmpty()) {
            if (!generated && deferred.isEmpty()) {
                // no routes at all: every @Service so far has none
                checkServiceDeclarations(List.of(), reporter);
                serviceAnnotated.clear();
            }
            return;
        }
        boolean bindingsAhead = !serviceAnnotated.isEmpty();
        List<TypeElement> unresolved = handlers.stream().filter(h -> hasUnresolvedTypes(h, bindingsAhead)).toList();
        if (!unresolved.isEmpty()) {
            unresolved.forEach(t -> deferred.add(t.getQualifiedName().toString()));
            return;
        }
        deferred.clear();
        Element current = handlers.iterator().next();
        try {
            if (generated) {
                reporter.error(Diagnostic.INTERNAL, current,
                        "routes appeared in a later processing round, after the router was written");
                return;
            }
            generated = true;
            List<TypeElement> sorted = handlers.stream()
                    .sorted(Comparator.comparing(t -> t.getQualifiedName().toString())).toList();
            String option = processingEnv.getOptions().get(ROUTER_OPTION);
            String problem = option == null || option.isBlank() ? null : routerNameProblem(option);
            if (problem != null) {
                // An option has no source position: the first handler is the element that asked for a router.
                reporter.error(Diagnostic.BAD_ROUTER_NAME, sorted.getFirst(), ROUTER_OPTION, option, problem);
                return;
            }
            // the pipeline: parse each handler into the model, validate the whole, generate
            RouterModel model = parse(sorted, reporter);
            validate(model, reporter);
            TypeElement taken = processingEnv.getElementUtils().getTypeElement(model.name().canonicalName());
            if (taken != null) {
                reporter.error(Diagnostic.ROUTER_NAME_TAKEN, taken, model.name().canonicalName(), ROUTER_OPTION);
            }
            if (reporter.errorCount() == 0 && (!model.routes().isEmpty() || !model.hijacks().isEmpty())) {
                write(model);
            } else if (reporter.errorCount() > 0) {
                // The router is not written, but the binding clients are: handlers name them, and
                // without them javac would add a "cannot find symbol" to each real error.
                writeBindings(model);
            }
        } catch (RuntimeException | IOException e) {
            reportCrash(reporter, current, e);
        }
    }

    private static void reportCrash(Reporter reporter, Element element, Exception e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        reporter.error(Diagnostic.INTERNAL, element, trace);
    }

    /** Parses every handler into the router's model; errors go to {@code reporter}. */
    private RouterModel parse(List<TypeElement> sorted, Reporter reporter) {
        ClassName routerName = routerName(sorted);
        if (!routerName.packageName().isEmpty()) {
            for (TypeElement handler : sorted) {
                if (inUnnamedPackage(handler)) {
                    reporter.error(Diagnostic.DEFAULT_PACKAGE, handler, handler.getQualifiedName(),
                            routerName.simpleName(), routerName.packageName(), handler.getSimpleName());
                }
            }
        }
        for (TypeElement handler : sorted) {
            // a type of the router's own package is written by its simple name, which a method
            // parameter of the same name hides
            if (handler.getNestingKind() == NestingKind.TOP_LEVEL
                    && GENERATED_PARAMETERS.contains(handler.getSimpleName().toString())
                    && processingEnv.getElementUtils().getPackageOf(handler).getQualifiedName().toString()
                            .equals(routerName.packageName())) {
                reporter.error(Diagnostic.RESERVED_NAME, handler, handler.getSimpleName(),
                        String.join(", ", GENERATED_PARAMETERS));
            }
        }
        MatchParser matches = new MatchParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
        LayerParser layers = new LayerParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter,
                routerName.packageName());
        PackageElement routerPackage = processingEnv.getElementUtils().getPackageElement(routerName.packageName());
        for (Element element : layerAnnotated) {
            if (element instanceof PackageElement pkg && !pkg.equals(routerPackage)
                    && Annotations.find(pkg, Annotations.SERVICE).isEmpty()) {
                reporter.error(Diagnostic.LAYER_NOT_ROUTER_PACKAGE, pkg, Annotations.find(pkg, Annotations.LAYER).orElseThrow(),
                        pkg.getQualifiedName(), routerName.canonicalName());
            }
        }
        List<ClassName> applicationLayers = routerPackage == null ? List.of() : layers.layers(routerPackage);
        HandlerParser parser = new HandlerParser(processingEnv.getElementUtils(), reporter, matches,
                routerName.packageName(), layers);
        NameAllocator fields = new NameAllocator();
        // A field named like a handler class or a package root would obscure it in generated calls.
        sorted.forEach(h -> {
            fields.newName(h.getSimpleName().toString());
            String pkg = processingEnv.getElementUtils().getPackageOf(h).getQualifiedName().toString();
            if (!pkg.isEmpty()) {
                fields.newName(pkg.split("\\.")[0]);
            }
        });
        ServiceParser serviceParser = new ServiceParser(processingEnv.getElementUtils(), reporter,
                routerName.packageName(), layers);
        Map<TypeElement, String> serviceOf = new java.util.LinkedHashMap<>();
        sorted.forEach(handler -> serviceOf.put(handler, serviceParser.serviceOf(handler)));
        List<ServiceModel> services = serviceParser.services(serviceOf.containsValue(ServiceModel.DEFAULT));
        checkServiceDeclarations(sorted, reporter);
        Map<TypeName, String> dependencyFields = new java.util.LinkedHashMap<>();
        Wiring wiring = new Wiring(reporter, routerName.packageName(), services,
                type -> dependencyFields.computeIfAbsent(type,
                        t -> fields.newName(RouterWriter.decapitalize(simpleName(t)))));
        List<RouteModel> routes = new ArrayList<>();
        List<HijackModel> hijacks = new ArrayList<>();
        for (TypeElement handler : sorted) {
            try {
                String service = serviceOf.get(handler);
                HandlerParser.Parsed parsed = parser.parse(handler,
                        fields.newName(RouterWriter.decapitalize(handler.getSimpleName().toString())),
                        service, services.isEmpty() ? null : wiring.wiring(handler), serviceParser.layersOf(service));
                routes.addAll(parsed.routes());
                if (parsed.hijack() != null) {
                    hijacks.add(parsed.hijack());
                }
            } catch (RuntimeException e) {
                reportCrash(reporter, handler, e);
            }
        }
        hijacks.sort(Comparator.comparingInt(HijackModel::order).thenComparing(h -> h.type().canonicalName()));
        List<LayerModel> layerFields = new ArrayList<>();
        layers.seen().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ClassName::canonicalName)))
                .forEach(e -> layerFields.add(new LayerModel(e.getKey(),
                        fields.newName(RouterWriter.decapitalize(e.getKey().simpleName())), e.getValue(),
                        services.isEmpty() ? null : wiring.wiring(
                                processingEnv.getElementUtils().getTypeElement(e.getKey().canonicalName())))));
        return new RouterModel(routerName, handlersWithInstances(routes), routes, hijacks,
                shadowedJavaLangNames(routerName.packageName()), applicationLayers, layerFields,
                packageTypes(routerName.packageName()), services);
    }

    /** The simple name of a type, for a builder method: {@code List<Foo>} → {@code List}. */
    private static String simpleName(TypeName type) {
        TypeName raw = type instanceof com.palantir.javapoet.ParameterizedTypeName p ? p.rawType() : type;
        return raw instanceof ClassName c ? c.simpleName() : "value";
    }

    /** Reports each {@code @Service} on a class or package without routes: it would have no effect. */
    private void checkServiceDeclarations(List<TypeElement> handlers, Reporter reporter) {
        for (Element element : serviceAnnotated) {
            boolean hasRoutes = element instanceof PackageElement pkg
                    ? handlers.stream().anyMatch(h -> processingEnv.getElementUtils().getPackageOf(h).equals(pkg))
                    : handlers.contains(element);
            if (!hasRoutes) {
                AnnotationMirror mirror = Annotations.find(element, Annotations.SERVICE).orElseThrow();
                String what = element instanceof PackageElement pkg ? "package " + pkg.getQualifiedName()
                        : element.getSimpleName().toString();
                reporter.error(Diagnostic.SERVICE_WITHOUT_ROUTES, element, mirror, Annotations.explicit(mirror, "name"),
                        String.valueOf(Annotations.explicit(mirror, "name") == null ? ""
                                : Annotations.explicit(mirror, "name").getValue()), what, what);
            }
        }
    }

    /** The checks of the whole model, after every handler parsed on its own. */
    private static void validate(RouterModel model, Reporter reporter) {
        DuplicateRoutes.check(model.routes(), reporter);
        DuplicateHijacks.check(model.hijacks(), reporter);
        ObscuredPackages.check(model, reporter);
        Bindings.check(model, reporter);
    }

    /** The simple and qualified names of the types of package {@code packageName}. */
    private Map<String, String> packageTypes(String packageName) {
        Map<String, String> types = new java.util.TreeMap<>();
        PackageElement pkg = processingEnv.getElementUtils().getPackageElement(packageName);
        if (pkg == null || packageName.isEmpty()) {
            return types;
        }
        for (Element member : pkg.getEnclosedElements()) {
            if (member instanceof TypeElement type) {
                types.put(type.getSimpleName().toString(), type.getQualifiedName().toString());
            }
        }
        return types;
    }

    /**
     * The simple names of the types in {@code packageName} that are also {@code java.lang} types: in
     * the router's package they hide the implicit {@code java.lang} import (a class {@code app.String}
     * makes {@code String} mean it), so the router writes those names qualified.
     */
    private Set<String> shadowedJavaLangNames(String packageName) {
        Set<String> shadowed = new TreeSet<>();
        PackageElement pkg = processingEnv.getElementUtils().getPackageElement(packageName);
        if (pkg == null) {
            return shadowed;
        }
        for (Element member : pkg.getEnclosedElements()) {
            String simple = member.getSimpleName().toString();
            if (processingEnv.getElementUtils().getTypeElement("java.lang." + simple) != null) {
                shadowed.add(simple);
            }
        }
        return shadowed;
    }

    private Set<TypeElement> handlers(RoundEnvironment round) {
        Set<TypeElement> handlers = new LinkedHashSet<>();
        List<Element> annotated = new ArrayList<>();
        for (String annotation : List.of(Annotations.ROUTE, Annotations.HIJACK)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
            if (type != null) {
                annotated.addAll(round.getElementsAnnotatedWith(type));
            }
        }
        for (Element element : annotated) {
            if (element instanceof TypeElement type) {
                handlers.add(type);
            } else if (element instanceof ExecutableElement method
                    && method.getEnclosingElement() instanceof TypeElement type) {
                handlers.add(type);
            }
        }
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                handlers.add(type);
            }
        }
        return handlers;
    }

    private Set<Element> matchAnnotated(RoundEnvironment round) {
        Set<Element> annotated = new LinkedHashSet<>();
        for (String annotation : List.of(Annotations.MATCH, Annotations.MATCH_LIST)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
            if (type != null) {
                annotated.addAll(round.getElementsAnnotatedWith(type));
            }
        }
        return annotated;
    }

    /**
     * Whether a method of {@code type} names a type that does not exist yet; with {@code bindingsAhead}
     * (services are declared), a {@code ...Binding} does not count: this processor writes it.
     */
    private static boolean hasUnresolvedTypes(TypeElement type, boolean bindingsAhead) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (unresolved(method.getReturnType(), bindingsAhead)) {
                return true;
            }
            for (VariableElement parameter : method.getParameters()) {
                if (unresolved(parameter.asType(), bindingsAhead)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unresolved(javax.lang.model.type.TypeMirror type, boolean bindingsAhead) {
        return type.getKind() == javax.lang.model.type.TypeKind.ERROR
                && !(bindingsAhead && type.toString().endsWith("Binding"));
    }

    /** Why {@code option} cannot name the router, or null when it can. */
    private String routerNameProblem(String option) {
        if (!SourceVersion.isName(option, SourceVersion.latestSupported())) {
            return "write a fully qualified class name such as com.example.web.Router: identifiers separated by "
                    + "single dots, none empty, none starting with a digit, none a keyword";
        }
        String simple = option.substring(option.lastIndexOf('.') + 1);
        if (RouterWriter.isNestedTypeName(simple)) {
            return "the router declares a nested class " + simple + ", and a class cannot share its name with "
                    + "one of its members; choose another simple name";
        }
        if (processingEnv.getElementUtils().getTypeElement("java.lang." + simple) != null) {
            return "the router's code uses java.lang." + simple + ", which a router named " + simple
                    + " would hide; choose another simple name";
        }
        return null;
    }

    private ClassName routerName(List<TypeElement> handlers) {
        String option = processingEnv.getOptions().get(ROUTER_OPTION);
        if (option != null && !option.isBlank()) {
            int dot = option.lastIndexOf('.');
            return dot < 0 ? ClassName.get("", option) : ClassName.get(option.substring(0, dot),
                    option.substring(dot + 1));
        }
        String common = null;
        // The router goes to the unnamed package only when every handler is there: a named package
        // cannot use its classes, and the application's code in named packages could not use the
        // router. Handlers of the unnamed package beside named ones are Route/DefaultPackage errors.
        List<TypeElement> named = handlers.stream().filter(h -> !inUnnamedPackage(h)).toList();
        if (!named.isEmpty()) {
            handlers = named;
        }
        for (TypeElement handler : handlers) {
            String pkg = processingEnv.getElementUtils().getPackageOf(handler).getQualifiedName().toString();
            common = common == null ? pkg : commonPackage(common, pkg);
        }
        if (common == null || common.isEmpty()) {
            common = processingEnv.getElementUtils().getPackageOf(handlers.getFirst()).getQualifiedName().toString();
        }
        return ClassName.get(common, DEFAULT_ROUTER_NAME);
    }

    /** Reports every {@code @Answer} whose status is no HTTP status, on its {@code status} value. */
    private void checkAnswers(RoundEnvironment round, Reporter reporter) {
        Set<Element> annotated = new LinkedHashSet<>();
        for (String name : List.of(Annotations.ANSWER, Annotations.ANSWER_LIST)) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
            if (annotation != null) {
                annotated.addAll(round.getElementsAnnotatedWith(annotation));
            }
        }
        for (Element element : annotated) {
            for (AnnotationMirror answer : answerMirrors(element)) {
                for (var entry : answer.getElementValues().entrySet()) {
                    if (entry.getKey().getSimpleName().contentEquals("status")
                            && entry.getValue().getValue() instanceof Integer status && (status < 100 || status > 599)) {
                        reporter.error(Diagnostic.ANSWER_BAD_STATUS, element, answer, entry.getValue(), status);
                    }
                }
            }
        }
    }

    private static List<AnnotationMirror> answerMirrors(Element element) {
        List<AnnotationMirror> answers = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(Annotations.ANSWER)) {
                answers.add(mirror);
            } else if (name.equals(Annotations.ANSWER_LIST)) {
                for (var entry : mirror.getElementValues().entrySet()) {
                    if (entry.getValue().getValue() instanceof List<?> values) {
                        for (Object value : values) {
                            answers.add((AnnotationMirror) ((javax.lang.model.element.AnnotationValue) value).getValue());
                        }
                    }
                }
            }
        }
        return answers;
    }

    private boolean inUnnamedPackage(TypeElement type) {
        return processingEnv.getElementUtils().getPackageOf(type).isUnnamed();
    }

    private static String commonPackage(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        StringBuilder common = new StringBuilder();
        for (int i = 0; i < Math.min(left.length, right.length) && left[i].equals(right[i]); i++) {
            common.append(common.isEmpty() ? "" : ".").append(left[i]);
        }
        return common.toString();
    }

    private static List<HandlerModel> handlersWithInstances(List<RouteModel> routes) {
        return routes.stream().filter(r -> !r.isStatic()).map(RouteModel::handler).distinct().toList();
    }

    private void writeBindings(RouterModel model) throws IOException {
        for (ServiceModel service : model.services()) {
            if (service.binding() != null) {
                BindingWriter.write(model, service, SpurProcessor.class.getName()).writeTo(processingEnv.getFiler());
            }
        }
    }

    private void write(RouterModel model) throws IOException {
        JavaFile file = RouterWriter.write(model, SpurProcessor.class.getName());
        file.writeTo(processingEnv.getFiler());
        writeBindings(model);
        Element[] origins = java.util.stream.Stream.concat(model.routes().stream().map(RouteModel::origin),
                model.hijacks().stream().map(HijackModel::origin)).toArray(Element[]::new);
        FileObject table = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                RouteTableWriter.resourceName(model), origins);
        try (Writer writer = table.openWriter()) {
            writer.write(RouteTableWriter.write(model));
        }
        FileObject openApi = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                OpenApiWriter.resourceName(model), origins);
        try (Writer writer = openApi.openWriter()) {
            writer.write(OpenApiWriter.write(model, processingEnv.getElementUtils(), processingEnv.getTypeUtils()));
        }
    }
}
