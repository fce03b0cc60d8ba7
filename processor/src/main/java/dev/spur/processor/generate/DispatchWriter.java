package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.RouterModel;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the per-group entry points of a router: {@code find} (method → matcher tree root),
 * {@code allow} (the {@code Allow} header from every method's tree) and, for routers with media
 * conditions, {@code refuse}.
 */
final class DispatchWriter {

    /** Cases per dispatch method: a huge {@code switch} would be too large for the JIT to compile. */
    static final int ROUTES_PER_METHOD = 200;

    private DispatchWriter() {
    }

    /**
     * The routes of one dispatch group (the normal routes, or one hijack's), the names of its
     * {@code find} and {@code allow} methods, its matcher roots by HTTP method, what each root
     * needs (by root), and what the group's methods therefore take.
     */
    record Group(String label, String find, String allow, List<Integer> routes, Map<String, String> findTargets,
                 Map<String, String> allowTargets, Map<String, MatcherWriter.Need> targetNeeds,
                 MatcherWriter.Need need, boolean services) {

        /** {@code find(method, path[, exchange][, strict])}, with {@code strictValue} for the flag. */
        CodeBlock findCall(String strictValue) {
            return CodeBlock.of("$N(method, path$L)", find, need.arguments(strictValue));
        }

        /** {@code allow(path[, exchange])}. */
        CodeBlock allowCall() {
            return CodeBlock.of("$N(path$L)", allow, need.exchange() || services ? ", exchange" : "");
        }
    }

    /**
     * The group's {@code find}: public when it is the router's entry point (the normal routes,
     * without media conditions), else private.
     */
    static MethodSpec findMethod(Group group, boolean entry) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(group.find())
                .addModifiers(entry ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(String.class, "method")
                .addParameter(String.class, "path");
        if (group.need().exchange()) {
            method.addParameter(RuntimeTypes.EXCHANGE, "exchange");
        }
        if (group.need().strict()) {
            method.addParameter(TypeName.BOOLEAN, "strict")
                    .addJavadoc("The route $L for a request, or -1; with {@code strict} false, consumes/produces\n"
                            + "count as met.\n", group.label());
        } else if (entry) {
            method.addJavadoc("The number of the route that answers {@code method} on a canonical {@code path} (see\n"
                    + "{@link $T#canonical}$L), or -1 when none does.\n", RuntimeTypes.REQUEST_PATH,
                    group.need().exchange() ? " and the request of {@code exchange}" : "");
        } else {
            method.addJavadoc("The route $L for a request, or -1.\n", group.label());
        }
        if (group.findTargets().isEmpty()) {
            return method.addStatement("return -1").build();
        }
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (method) {\n").indent();
        group.findTargets().forEach((httpMethod, root) -> code.add("case $S -> $L(path, 1$L);\n", httpMethod, root,
                group.targetNeeds().get(root).arguments("strict")));
        code.add("default -> -1;\n").unindent().add("};\n");
        return method.addCode(code.build()).build();
    }

    static MethodSpec allowMethod(Group group) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(group.allow())
                .addModifiers(Modifier.PRIVATE)
                .returns(String.class)
                .addParameter(String.class, "path");
        if (group.services()) {
            method.addJavadoc("The {@code Allow} header for a path no route of the request's method took, or null;\n"
                    + "only the routes the request may reach count.\n");
        } else {
            method.addModifiers(Modifier.STATIC)
                    .addJavadoc("The {@code Allow} header for a path no route of the request's method took, or null.\n");
        }
        if (group.need().exchange() || group.services()) {
            method.addParameter(RuntimeTypes.EXCHANGE, "exchange");
        }
        if (group.allowTargets().isEmpty()) {
            return method.addStatement("return null").build();
        }
        method.addStatement("$T allow = new $T()", RuntimeTypes.ALLOW, RuntimeTypes.ALLOW);
        group.allowTargets().forEach((httpMethod, root) -> method
                .beginControlFlow(group.services() ? "if (services.admits($L(path, 1$L), exchange))" : "if ($L(path, 1$L) >= 0)",
                        root, group.targetNeeds().get(root).arguments("false"))
                .addStatement("allow.add($S)", httpMethod)
                .endControlFlow());
        return method.addStatement("return allow.header()").build();
    }

    /** Refuses a request no route took; {@code mediaProblem} is the 406/415 of route {@code near}. */
    static MethodSpec refuseMethod(CodeBlock mediaProblem) {
        return MethodSpec.methodBuilder("refuse")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Answers a request no route took: 415/406 when a route failed only on media types\n"
                        + "({@code near} is that route), else 404/405/OPTIONS.\n")
                .addParameter(TypeName.INT, "near")
                .addParameter(String.class, "allow")
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .beginControlFlow("if (near >= 0)")
                .addStatement("throw $L", mediaProblem)
                .endControlFlow()
                .addStatement("$T.noRoute(exchange, allow)", RuntimeTypes.RESPONSES)
                .build();
    }

    /**
     * The {@code dispatch} method: the host and path checks, the hijack tests, the matcher trees, the
     * router's own refusals, and a switch from route number to the route's chain or invoker
     * ({@code invokers}); past {@link #ROUTES_PER_METHOD} routes the switch is split into {@code helpers}.
     */
    static MethodSpec dispatchMethod(RouterModel model, Names names, List<CodeBlock> invokers, List<MethodSpec> helpers,
                                     Group normal, List<Group> hijacks, List<MethodSpec> hijackTests, boolean media) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("dispatch")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Routes the exchange through the matcher tree to its route's layers and handler, or answers\n"
                        + "it: 400 for a malformed host or path, else 404/405 (and 406/415 for media types).\n")
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .beginControlFlow("try")
                .addStatement("$T.requireWellFormedHost(exchange)", RuntimeTypes.CONDITIONS)
                .addStatement("$T path = exchange.path()", String.class);
        method.addStatement("$T method = exchange.method()", String.class)
                .addStatement("int route");
        for (int i = 0; i < hijacks.size(); i++) {
            CodeBlock test = CodeBlock.of("$N(exchange)", hijackTests.get(i));
            if (model.hasServices()) {
                HijackModel hijack = model.hijacks().get(i);
                String service = model.routes().stream().filter(r -> hijack.equals(r.hijack()))
                        .map(r -> r.handler().service()).findFirst().orElse(null);
                if (service != null) {
                    test = CodeBlock.of("$L && services.admitsService($L, exchange)", test, model.serviceIndex(service));
                }
            }
            if (i == 0) {
                method.beginControlFlow("if ($L)", test);
            } else {
                method.nextControlFlow("else if ($L)", test);
            }
            // marked, so that nothing outside the hijack (static content) answers what it refuses
            method.addStatement("exchange.attribute($T.class, $T.TAKEN)", RuntimeTypes.HIJACKED, RuntimeTypes.HIJACKED);
            refuseUnlessFound(method, hijacks.get(i), media);
        }
        if (!hijacks.isEmpty()) {
            method.nextControlFlow("else");
        }
        refuseUnlessFound(method, normal, media);
        if (!hijacks.isEmpty()) {
            method.endControlFlow();
        }
        method.addStatement("exchange.routed(ROUTES.get(route))");
        if (invokers.size() <= ROUTES_PER_METHOD) {
            method.addCode(dispatch(invokers, 0, invokers.size()));
        } else {
            for (int from = 0; from < invokers.size(); from += ROUTES_PER_METHOD) {
                int to = Math.min(invokers.size(), from + ROUTES_PER_METHOD);
                String name = names.newName("dispatch" + from);
                helpers.add(MethodSpec.methodBuilder(name)
                        .addModifiers(Modifier.PRIVATE)
                        .addJavadoc("Runs the chain of routes $L to $L.\n", from, to - 1)
                        .addParameter(TypeName.INT, "route")
                        .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                        .addCode(dispatch(invokers, from, to))
                        .build());
                method.beginControlFlow(from == 0 ? "if (route < $L)" : "else if (route < $L)", to)
                        .addStatement("$N(route, exchange)", name)
                        .endControlFlow();
            }
        }
        return method.nextControlFlow("catch ($T thrown)", Throwable.class)
                .addStatement("$T.answer(exchange, thrown)", RuntimeTypes.FAILURES)
                .endControlFlow()
                .build();
    }

    private static void refuseUnlessFound(MethodSpec.Builder method, Group group, boolean media) {
        method.addStatement("route = $L", group.findCall("true"))
                .beginControlFlow(group.services() ? "if (!services.admits(route, exchange))" : "if (route < 0)");
        if (media && group.services()) {
            method.addStatement("refuse(admitted($L, exchange), $L, exchange)", group.findCall("false"), group.allowCall());
        } else if (media) {
            method.addStatement("refuse($L, $L, exchange)", group.findCall("false"), group.allowCall());
        } else {
            method.addStatement("$T.noRoute(exchange, $L)", RuntimeTypes.RESPONSES, group.allowCall());
        }
        method.addStatement("return").endControlFlow();
    }

    private static CodeBlock dispatch(List<CodeBlock> invokers, int from, int to) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (route)");
        for (int i = from; i < to; i++) {
            code.addStatement("case $L -> $L", i, invokers.get(i));
        }
        code.addStatement("default -> throw new $T($S + route)", IllegalStateException.class, "no route ");
        return code.endControlFlow().build();
    }

    /** {@code mediaProblem(route, exchange)}: the 415 or 406 of a route that failed only on media types. */
    static MethodSpec mediaProblemMethod(RouterModel model, ConditionWriter conditions) {
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (route) {\n").indent();
        for (int i = 0; i < model.routes().size(); i++) {
            if (model.routes().get(i).guard().has(dev.spur.processor.model.Condition.Consumes.class)) {
                code.add("case $L -> $L;\n", i, conditions.mediaProblem(i));
            }
        }
        code.add("default -> $L;\n", conditions.mediaProblem(-1)).unindent().add("};\n");
        return MethodSpec.methodBuilder("mediaProblem")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(RuntimeTypes.HTTP_PROBLEM)
                .addJavadoc("415 when {@code route} does not take the request's Content-Type, else 406.\n")
                .addParameter(TypeName.INT, "route")
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .addCode(code.build())
                .build();
    }
}
