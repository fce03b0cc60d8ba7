package dev.spur.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouteTree;
import dev.spur.processor.model.RouterModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the router class of one compilation: the matcher methods of every method's tree, the
 * public {@code find} entry point, one invoker per route, the route table and a typed builder
 * for handler instances.
 */
public final class RouterWriter {

    /** Cases per dispatch method: a huge {@code switch} would be too large for the JIT to compile. */
    private static final int ROUTES_PER_METHOD = 200;

    private final RouterModel model;
    private final String generator;
    private final NameAllocator names = new NameAllocator();

    private RouterWriter(RouterModel model, String generator) {
        this.model = model;
        this.generator = generator;
        for (String reserved : List.of("route", "routes", "find", "allow", "builder", "create", "Builder",
                "ROUTES", "NO_ROUTE")) {
            names.newName(reserved);
        }
        model.handlers().forEach(h -> names.newName(h.field()));
    }

    /** The router's source file. */
    public static JavaFile write(RouterModel model, String generator) {
        return new RouterWriter(model, generator).file();
    }

    private JavaFile file() {
        List<RouteModel> routes = model.routes();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeTypes.ROUTER)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED)
                        .addMember("value", "$S", generator).build())
                .addJavadoc("The compiled router of $L routes: a matcher tree per HTTP method and a direct call "
                        + "per handler.\n", routes.size());
        routes.forEach(route -> type.addOriginatingElement(route.origin()));

        MatcherWriter matchers = new MatcherWriter(routes, names);
        Map<String, String> findTargets = new TreeMap<>();
        Map<String, String> allowTargets = new TreeMap<>();
        Map<String, List<Integer>> byMethod = routesByMethod(routes);
        byMethod.forEach((method, indices) -> {
            String root = matchers.write(RouteTree.of(method, routes, indices), "match" + MatcherWriter.capitalize(
                    method.toLowerCase(java.util.Locale.ROOT)));
            findTargets.put(method, root);
            allowTargets.put(method, root);
        });
        if (byMethod.containsKey("GET")) {
            if (byMethod.containsKey("HEAD")) {
                List<Integer> headOrGet = new ArrayList<>(byMethod.get("HEAD"));
                headOrGet.addAll(byMethod.get("GET"));
                findTargets.put("HEAD", matchers.write(RouteTree.of("HEAD", routes, headOrGet), "matchHeadOrGet"));
            } else {
                findTargets.put("HEAD", findTargets.get("GET"));
            }
        }

        InvokerWriter invokers = new InvokerWriter(names);
        List<String> invokerNames = new ArrayList<>();
        List<MethodSpec> invokerMethods = new ArrayList<>();
        for (RouteModel route : routes) {
            String name = names.newName(decapitalize(route.handler().type().simpleName())
                    + MatcherWriter.capitalize(route.handlerMethod()));
            invokerNames.add(name);
            invokerMethods.add(invokers.write(route, name));
        }

        type.addFields(invokers.headerFields());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.ROUTE_INFO),
                        "ROUTES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("routeTable()").build());
        for (HandlerModel handler : model.handlers()) {
            type.addField(handler.type(), handler.field(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addMethod(constructor());
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(model.name().nestedClass("Builder"))
                .addJavadoc("A builder that takes the handler instances this router calls.\n")
                .addStatement("return new Builder()")
                .build());
        if (model.handlers().stream().allMatch(HandlerModel::defaultConstructible)) {
            type.addMethod(MethodSpec.methodBuilder("create")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(model.name())
                    .addJavadoc("A router whose handlers are created with their no-argument constructors.\n")
                    .addStatement("return new Builder().build()")
                    .build());
        }
        type.addMethod(routeMethod(invokerNames, type));
        type.addMethod(findMethod(findTargets));
        type.addMethod(allowMethod(allowTargets));
        type.addMethod(MethodSpec.methodBuilder("routes")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.ROUTE_INFO))
                .addStatement("return ROUTES")
                .build());
        type.addMethod(MethodSpec.methodBuilder("routeTable")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.ROUTE_INFO))
                .addJavadoc("The routes of this router, indexed by the numbers {@link #find} returns.\n")
                .addCode(routeTable(type))
                .build());
        type.addMethods(matchers.methods());
        type.addMethods(invokerMethods);
        type.addType(builderType());
        return JavaFile.builder(model.name().packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static Map<String, List<Integer>> routesByMethod(List<RouteModel> routes) {
        Map<String, List<Integer>> byMethod = new TreeMap<>();
        for (int i = 0; i < routes.size(); i++) {
            byMethod.computeIfAbsent(routes.get(i).httpMethod(), k -> new ArrayList<>()).add(i);
        }
        return byMethod;
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(model.name().nestedClass("Builder"), "builder");
        for (HandlerModel handler : model.handlers()) {
            if (handler.defaultConstructible()) {
                constructor.addStatement("this.$N = builder.$N != null ? builder.$N : new $T()", handler.field(),
                        handler.field(), handler.field(), handler.type());
            } else {
                constructor.addStatement("this.$N = $T.requireNonNull(builder.$N, $S)", handler.field(),
                        Objects.class, handler.field(), model.name().simpleName() + " needs a "
                                + handler.type().simpleName() + ": call builder()." + handler.field() + "(...)");
            }
        }
        return constructor.build();
    }

    private TypeSpec builderType() {
        ClassName builder = model.name().nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Collects the handler instances of a {@link $T}.\n", model.name())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (HandlerModel handler : model.handlers()) {
            type.addField(handler.type(), handler.field(), Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(handler.field())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(handler.type(), handler.field())
                    .addJavadoc(handler.defaultConstructible()
                            ? "The {@link $T} to call (default: a new one).\n"
                            : "The {@link $T} to call (required).\n", handler.type())
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", handler.field(), Objects.class,
                            handler.field(), handler.field())
                    .addStatement("return this")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(model.name())
                .addJavadoc("The router; fails if a required handler is missing.\n")
                .addStatement("return new $T(this)", model.name())
                .build());
        return type.build();
    }

    private MethodSpec routeMethod(List<String> invokers, TypeSpec.Builder type) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("route")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.SERVER_REQUEST, "request")
                .addParameter(RuntimeTypes.SERVER_RESPONSE, "response")
                .addException(Exception.class)
                .addStatement("String path = $T.canonical(request.path().rawPath())", RuntimeTypes.REQUEST_PATH)
                .addStatement("int route = find(request.prologue().method().text(), path)");
        if (invokers.size() <= ROUTES_PER_METHOD) {
            return method.addCode(dispatch(invokers, 0, invokers.size())).build();
        }
        for (int from = 0; from < invokers.size(); from += ROUTES_PER_METHOD) {
            int to = Math.min(invokers.size(), from + ROUTES_PER_METHOD);
            String name = names.newName("dispatch" + from);
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE)
                    .addJavadoc("Calls the invoker of routes $L to $L.\n", from, to - 1)
                    .addParameter(TypeName.INT, "route")
                    .addParameter(RuntimeTypes.SERVER_REQUEST, "request")
                    .addParameter(RuntimeTypes.SERVER_RESPONSE, "response")
                    .addParameter(String.class, "path")
                    .addException(Exception.class)
                    .addCode(dispatch(invokers, from, to))
                    .build());
            method.beginControlFlow(from == 0 ? "if (route < $L)" : "else if (route < $L)", to)
                    .addStatement("$N(route, request, response, path)", name)
                    .endControlFlow();
        }
        return method.build();
    }

    private CodeBlock dispatch(List<String> invokers, int from, int to) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (route)");
        for (int i = from; i < to; i++) {
            code.addStatement("case $L -> $N(request, response, path)", i, invokers.get(i));
        }
        if (from == 0 || to == invokers.size()) {
            code.addStatement("default -> $T.noRoute(request, response, allow(path))", RuntimeTypes.RESPONSES);
        } else {
            code.addStatement("default -> throw new $T()", IllegalStateException.class);
        }
        return code.endControlFlow().build();
    }

    private static MethodSpec findMethod(Map<String, String> targets) {
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (method) {\n").indent();
        targets.forEach((method, root) -> code.add("case $S -> $N(path, 1);\n", method, root));
        code.add("default -> -1;\n").unindent().add("};\n");
        return MethodSpec.methodBuilder("find")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(String.class, "method")
                .addParameter(String.class, "path")
                .addJavadoc("The number of the route that answers {@code method} on a canonical {@code path} (see\n"
                        + "{@link $T#canonical}), or -1 when none does.\n", RuntimeTypes.REQUEST_PATH)
                .addCode(code.build())
                .build();
    }

    private static MethodSpec allowMethod(Map<String, String> targets) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("allow")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(String.class, "path")
                .addJavadoc("The {@code Allow} header for a path no route of the request's method took, or null.\n")
                .addStatement("$T allow = new $T()", RuntimeTypes.ALLOW, RuntimeTypes.ALLOW);
        targets.forEach((httpMethod, root) -> method
                .beginControlFlow("if ($N(path, 1) >= 0)", root)
                .addStatement("allow.add($S)", httpMethod)
                .endControlFlow());
        return method.addStatement("return allow.header()").build();
    }

    private CodeBlock routeTable(TypeSpec.Builder type) {
        List<RouteModel> routes = model.routes();
        ParameterizedTypeName listType = ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.ROUTE_INFO);
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T table = new $T<>($L)", listType, ArrayList.class, routes.size());
        for (int from = 0; from < routes.size(); from += ROUTES_PER_METHOD) {
            int to = Math.min(routes.size(), from + ROUTES_PER_METHOD);
            String name = names.newName("addRoutes" + from);
            MethodSpec.Builder adder = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(listType, "table");
            for (int i = from; i < to; i++) {
                adder.addStatement("table.add($L)", routeInfo(routes.get(i)));
            }
            type.addMethod(adder.build());
            code.addStatement("$N(table)", name);
        }
        return code.addStatement("return $T.copyOf(table)", List.class).build();
    }

    private static CodeBlock routeInfo(RouteModel route) {
        List<ParamModel.Path> params = new ArrayList<>();
        route.template().parameterNames().forEach(name -> route.params().stream()
                .filter(p -> p instanceof ParamModel.Path path && path.name().equals(name))
                .map(ParamModel.Path.class::cast)
                .findFirst().ifPresent(params::add));
        boolean catchAll = !params.isEmpty() && params.getLast().catchAll();
        return CodeBlock.of("new $T($S, $S, $S, $T.of($L), new int[] {$L}, $L)", RuntimeTypes.ROUTE_INFO,
                route.httpMethod(), route.template().source(), route.handlerName(), List.class,
                params.stream().map(p -> CodeBlock.of("$S", p.name()).toString()).collect(Collectors.joining(", ")),
                params.stream().map(p -> Integer.toString(p.segment())).collect(Collectors.joining(", ")),
                catchAll);
    }

    static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
