package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the per-group entry points of a router: {@code find} (method → matcher tree root),
 * {@code allow} (the {@code Allow} header from every method's tree) and, for routers with media
 * conditions, {@code refuse}.
 */
final class DispatchWriter {

    private DispatchWriter() {
    }

    /** The routes of one dispatch group (the normal routes, or one hijack's) and their matcher roots. */
    record Group(String suffix, List<Integer> routes, Map<String, String> findTargets,
                         Map<String, String> allowTargets) {
    }

    static MethodSpec findMethod(Group group, boolean conditional) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("find" + group.suffix())
                .returns(TypeName.INT)
                .addParameter(String.class, "method")
                .addParameter(String.class, "path");
        String arguments = "path, 1";
        if (conditional) {
            method.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                    .addParameter(TypeName.BOOLEAN, "strict")
                    .addJavadoc("The route $L for a request, or -1; with {@code strict} false, consumes/produces\n"
                            + "count as met.\n", group.suffix().isEmpty() ? "(not hijacked)" : "of hijack " + group.suffix());
            arguments = "path, 1, exchange, strict";
        } else {
            method.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("The number of the route that answers {@code method} on a canonical {@code path} (see\n"
                            + "{@link $T#canonical}), or -1 when none does.\n", RuntimeTypes.REQUEST_PATH);
        }
        if (group.findTargets().isEmpty()) {
            return method.addStatement("return -1").build();
        }
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (method) {\n").indent();
        String args = arguments;
        group.findTargets().forEach((httpMethod, root) -> code.add("case $S -> $L($L);\n", httpMethod, root, args));
        code.add("default -> -1;\n").unindent().add("};\n");
        return method.addCode(code.build()).build();
    }

    static MethodSpec allowMethod(Group group, boolean conditional) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("allow" + group.suffix())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(String.class, "path")
                .addJavadoc("The {@code Allow} header for a path no route of the request's method took, or null.\n");
        String arguments = "path, 1";
        if (conditional) {
            method.addParameter(RuntimeTypes.EXCHANGE, "exchange");
            arguments = "path, 1, exchange, false";
        }
        if (group.allowTargets().isEmpty()) {
            return method.addStatement("return null").build();
        }
        method.addStatement("$T allow = new $T()", RuntimeTypes.ALLOW, RuntimeTypes.ALLOW);
        String args = arguments;
        group.allowTargets().forEach((httpMethod, root) -> method
                .beginControlFlow("if ($L($L) >= 0)", root, args)
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
}
