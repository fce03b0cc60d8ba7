package dev.spur.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.ReferencedTypes;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouteTree;
import dev.spur.processor.model.RouterModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the router class of one compilation: the matcher methods of every method's tree, the
 * public {@code find} entry point, one invoker per route, the route table and a typed builder
 * for handler instances.
 */
public final class RouterWriter {

    /** Route table entries per method. */
    private static final int ROUTES_PER_METHOD = DispatchWriter.ROUTES_PER_METHOD;
    /**
     * Past this many routes the router spreads its matchers, invokers and route table over nested
     * classes: one class file holds at most 65,535 constants.
     */
    private static final int SHARDING_THRESHOLD = 1000;
    private static final int MATCHERS_PER_SHARD = 1500;
    private static final int INVOKERS_PER_SHARD = 500;

    /**
     * Whether {@code simpleName} is, or may be, the name of one of the router's nested classes
     * (its builder, the shards of a large router), which the router's own name must not take.
     */
    public static boolean isNestedTypeName(String simpleName) {
        return simpleName.equals("Builder")
                || simpleName.matches("(" + MatcherWriter.SHARD_PREFIX + "|Invokers|RouteTable)[0-9]+");
    }

    private final RouterModel model;
    private final String generator;
    private final Names names = new Names();

    private RouterWriter(RouterModel model, String generator) {
        this.model = model;
        this.generator = generator;
        for (String reserved : List.of("route", "routes", "routeTable", "find", "allow", "builder", "create",
                "Builder", "ROUTES", "refuse", "mediaProblem", "dispatch", "services", "SERVICES", "ROUTE_SERVICES",
                "admitted")) {
            names.newName(reserved);
        }
        model.handlers().forEach(h -> names.newName(h.field()));
        model.layers().forEach(l -> names.newName(l.field()));
    }

    /** The router's source file. */
    public static JavaFile write(RouterModel model, String generator) {
        return new RouterWriter(model, generator).file();
    }

    private JavaFile file() {
        List<RouteModel> routes = model.routes();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .alwaysQualify(model.shadowed().toArray(String[]::new))
                .alwaysQualify(TypeNaming.obscurable(model).toArray(String[]::new))
                .addSuperinterface(RuntimeTypes.ROUTER)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED)
                        .addMember("value", "$S", generator).build())
                .addJavadoc("The compiled router of $L routes: a matcher tree per HTTP method and a direct call "
                        + "per handler.\n", routes.size());
        routes.forEach(route -> type.addOriginatingElement(route.origin()));
        model.hijacks().forEach(hijack -> type.addOriginatingElement(hijack.origin()));

        Constants constants = new Constants(names);
        ConditionWriter conditions = new ConditionWriter(routes, constants, names);
        boolean sharded = routes.size() > SHARDING_THRESHOLD;
        MatcherWriter matchers = new MatcherWriter(names, conditions, i -> !routes.get(i).guard().always(),
                conditions::media, sharded ? MATCHERS_PER_SHARD : 0);
        DispatchWriter.Group normal = group("", indicesWhere(r -> r.hijack() == null), matchers);
        List<DispatchWriter.Group> hijacks = new ArrayList<>();
        for (HijackModel hijack : model.hijacks()) {
            hijacks.add(group(names.newName(hijack.type().simpleName()), indicesWhere(r -> hijack.equals(r.hijack())),
                    matchers));
        }

        InvokerWriter invokers = new InvokerWriter(constants, sharded, model.name(), TypeNaming.reservedLocals(model));
        List<CodeBlock> invokerCalls = new ArrayList<>();
        Map<Integer, List<MethodSpec>> invokerShards = new TreeMap<>();
        ChainWriter chains = new ChainWriter(model, names);
        for (int i = 0; i < routes.size(); i++) {
            RouteModel route = routes.get(i);
            String name = names.newName(decapitalize(route.handler().type().simpleName())
                    + MatcherWriter.capitalize(route.handlerMethod()));
            int shard = sharded ? i / INVOKERS_PER_SHARD : -1;
            CodeBlock invoke = sharded
                    ? CodeBlock.of("Invokers$L.$N(this, exchange)", shard, name)
                    : CodeBlock.of("$N(exchange)", name);
            invokerShards.computeIfAbsent(shard, k -> new ArrayList<>()).add(invokers.write(route, name));
            CodeBlock reference = sharded ? CodeBlock.of("exchange -> $L", invoke) : CodeBlock.of("this::$N", name);
            invokerCalls.add(route.layers().isEmpty() ? invoke
                    : chains.chain(name, "{@code " + SourceText.javadoc(route.describe()) + "}", route.layers(), reference));
        }
        CodeBlock dispatchCall = CodeBlock.of("dispatch(exchange)");
        CodeBlock entry = model.applicationLayers().isEmpty() ? dispatchCall
                : chains.chain("application", "Application", model.applicationLayers(), CodeBlock.of("this::dispatch"));

        type.addMethod(BuilderWriter.constructor(model));
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(model.name().nestedClass("Builder"))
                .addJavadoc("A builder that takes the handler and layer instances this router calls.\n")
                .addStatement("return new Builder()")
                .build());
        if (BuilderWriter.instances(model).stream().allMatch(BuilderWriter.Instance::creatable)) {
            type.addMethod(MethodSpec.methodBuilder("create")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(model.name())
                    .addJavadoc("A router whose handlers and layers are created with their no-argument constructors.\n")
                    .addStatement("return new Builder().build()")
                    .build());
        }
        List<MethodSpec> groupMethods = new ArrayList<>();
        List<MethodSpec> hijackTests = new ArrayList<>();
        for (int i = 0; i < hijacks.size(); i++) {
            DispatchWriter.Group group = hijacks.get(i);
            MethodSpec test = conditions.hijack(model.hijacks().get(i), names.newName("hijackedBy" + model.hijacks().get(i).type().simpleName()));
            hijackTests.add(test);
            groupMethods.add(DispatchWriter.findMethod(group, false));
            groupMethods.add(DispatchWriter.allowMethod(group));
        }
        List<MethodSpec> helpers = new ArrayList<>();
        type.addMethod(MethodSpec.methodBuilder("route")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .addStatement("$L", entry)
                .build());
        type.addMethod(DispatchWriter.dispatchMethod(model, names, invokerCalls, helpers, normal, hijacks, hijackTests,
                conditions.hasMedia()));
        if (model.hasServices()) {
            ServicesWriter.addTo(type, model, conditions.hasMedia());
        }
        type.addMethods(chains.methods());
        if (normal.need().strict()) {
            // The entry point takes the strict flag from no caller: it always matches strictly.
            type.addMethod(MethodSpec.methodBuilder("find")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(TypeName.INT)
                    .addParameter(String.class, "method")
                    .addParameter(String.class, "path")
                    .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                    .addJavadoc("The number of the normal (not hijacked) route that answers the request of {@code exchange},\n"
                            + "whose method and canonical path (see {@link $T#canonical}) are given, or -1.\n",
                            RuntimeTypes.REQUEST_PATH)
                    .addStatement("return find(method, path, exchange, true)")
                    .build());
        }
        type.addMethod(DispatchWriter.findMethod(normal, !normal.need().strict()));
        type.addMethod(DispatchWriter.allowMethod(normal));
        type.addMethods(hijackTests);
        type.addMethods(groupMethods);
        if (conditions.hasMedia()) {
            boolean consumes = model.routes().stream()
                    .anyMatch(r -> r.guard().has(dev.spur.processor.model.Condition.Consumes.class));
            type.addMethod(DispatchWriter.refuseMethod(consumes ? CodeBlock.of("mediaProblem(near, exchange)")
                    : conditions.mediaProblem(-1)));
            if (consumes) {
                type.addMethod(DispatchWriter.mediaProblemMethod(model, conditions));
            }
        }
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
                .addCode(routeTable(helpers, sharded, type))
                .build());
        type.addMethods(helpers);
        matchers.shards().forEach((shard, methods) -> addShard(type, MatcherWriter.SHARD_PREFIX, shard, methods,
                "The matchers of part $L of this large router (one class file holds 65,535 constants at most)."));
        type.addMethods(conditions.methods());
        invokerShards.forEach((shard, methods) -> addShard(type, "Invokers", shard, methods,
                "The invokers of part $L of this large router (one class file holds 65,535 constants at most)."));
        type.addType(BuilderWriter.builderType(model));
        type.addFields(constants.fields());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.ROUTE_INFO),
                        "ROUTES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("routeTable()").build());
        for (BuilderWriter.Instance instance : BuilderWriter.instances(model)) {
            type.addField(instance.type(), instance.field(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addFields(chains.steps());
        return JavaFile.builder(model.name().packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** Adds {@code methods} to the router, or (shard 0 and up) to a nested class of their own. */
    private void addShard(TypeSpec.Builder type, String prefix, int shard, List<MethodSpec> methods,
                          String javadoc) {
        if (shard < 0) {
            type.addMethods(methods);
            return;
        }
        // JavaPoet applies alwaysQualify per type, so each nested class repeats the router's.
        type.addType(TypeSpec.classBuilder(prefix + shard)
                .alwaysQualify(model.shadowed().toArray(String[]::new))
                .alwaysQualify(TypeNaming.obscurable(model).toArray(String[]::new))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc + "\n", shard)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethods(methods)
                .build());
    }

    private List<Integer> indicesWhere(java.util.function.Predicate<RouteModel> filter) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < model.routes().size(); i++) {
            if (filter.test(model.routes().get(i))) {
                indices.add(i);
            }
        }
        return indices;
    }

    private DispatchWriter.Group group(String suffix, List<Integer> indices, MatcherWriter matchers) {
        List<RouteModel> routes = model.routes();
        List<Integer> ordered = new ArrayList<>(indices);
        ordered.sort(java.util.Comparator.comparing(i -> routes.get(i).guard().always()));
        Map<String, List<Integer>> byMethod = new TreeMap<>();
        for (int index : ordered) {
            byMethod.computeIfAbsent(routes.get(index).httpMethod(), k -> new ArrayList<>()).add(index);
        }
        Map<String, String> findTargets = new TreeMap<>();
        Map<String, String> allowTargets = new TreeMap<>();
        Map<String, MatcherWriter.Need> targetNeeds = new TreeMap<>();
        byMethod.forEach((method, methodRoutes) -> {
            String name = matchers.write(RouteTree.of(method, routes, methodRoutes),
                    "match" + suffix + MatcherWriter.capitalize(method.toLowerCase(java.util.Locale.ROOT)));
            String root = matchers.reference(name).toString();
            findTargets.put(method, root);
            allowTargets.put(method, root);
            targetNeeds.put(root, matchers.needOf(name));
        });
        if (byMethod.containsKey("GET")) {
            if (byMethod.containsKey("HEAD")) {
                List<Integer> headOrGet = new ArrayList<>(byMethod.get("HEAD"));
                headOrGet.addAll(byMethod.get("GET"));
                String name = matchers.write(RouteTree.of("HEAD", routes, headOrGet), "match" + suffix + "HeadOrGet");
                String root = matchers.reference(name).toString();
                findTargets.put("HEAD", root);
                targetNeeds.put(root, matchers.needOf(name));
            } else {
                findTargets.put("HEAD", findTargets.get("GET"));
            }
        }
        String find = suffix.isEmpty() ? "find" : names.newName("find" + suffix);
        String allow = suffix.isEmpty() ? "allow" : names.newName("allow" + suffix);
        String label = suffix.isEmpty() ? "(not hijacked)" : "of hijack " + suffix;
        MatcherWriter.Need need = MatcherWriter.Need.NONE;
        for (MatcherWriter.Need target : targetNeeds.values()) {
            need = need.or(target);
        }
        return new DispatchWriter.Group(label, find, allow, indices, findTargets, allowTargets, targetNeeds, need,
                model.hasServices());
    }

    private CodeBlock routeTable(List<MethodSpec> helpers, boolean sharded, TypeSpec.Builder type) {
        Map<Integer, List<MethodSpec>> shards = new TreeMap<>();
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
            if (sharded) {
                int shard = from / INVOKERS_PER_SHARD;
                shards.computeIfAbsent(shard, k -> new ArrayList<>()).add(adder.build());
                code.addStatement("RouteTable$L.$N(table)", shard, name);
            } else {
                helpers.add(adder.build());
                code.addStatement("$N(table)", name);
            }
        }
        shards.forEach((shard, methods) -> addShard(type, "RouteTable", shard, methods,
                "The route table of part $L of this large router (one class file holds 65,535 constants at most)."));
        return code.addStatement("return $T.copyOf(table)", List.class).build();
    }

    /** The application's layers, then the route's, by simple name: what the route table lists. */
    private List<String> layerNames(RouteModel route) {
        List<String> names = new ArrayList<>();
        model.applicationLayers().forEach(l -> names.add(l.simpleName()));
        route.layers().forEach(l -> names.add(l.simpleName()));
        return names;
    }

    private CodeBlock routeInfo(RouteModel route) {
        List<ParamModel.Path> params = new ArrayList<>();
        route.template().parameterNames().forEach(name -> route.params().stream()
                .filter(p -> p instanceof ParamModel.Path path && path.name().equals(name))
                .map(ParamModel.Path.class::cast)
                .findFirst().ifPresent(params::add));
        boolean catchAll = !params.isEmpty() && params.getLast().catchAll();
        CodeBlock service = model.hasServices()
                ? CodeBlock.of(", $S, $L", route.handler().service(), model.serviceOf(route).isPrivate())
                : CodeBlock.of("");
        return CodeBlock.of("new $T($S, $L, $L, $T.of($L), new int[] {$L}, $L, $L, $L, $T.of($L)$L)", RuntimeTypes.ROUTE_INFO,
                route.httpMethod(), SourceText.literal(route.template().source()),
                SourceText.literal(route.handlerName()), List.class,
                CodeBlock.join(params.stream().map(p -> SourceText.literal(p.name())).toList(), ", "),
                params.stream().map(p -> Integer.toString(p.segment())).collect(Collectors.joining(", ")),
                catchAll, SourceText.literal(route.guard().describe()),
                SourceText.literal(route.hijack() == null ? "" : route.hijack().type().simpleName()), List.class,
                CodeBlock.join(layerNames(route).stream().map(SourceText::literal).toList(), ", "), service);
    }

    /** {@code FooHandlers} → {@code fooHandlers}. */
    public static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
