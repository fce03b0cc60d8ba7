package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouteTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Writes one route tree as matcher methods: one method per trie node that has children, each
 * taking the canonical path and the start of its segment and returning a route number or -1.
 * Literal children are chosen by segment length, then (when there are many) by a character,
 * then compared in place with {@link String#startsWith(String, int)}: nothing is allocated.
 * Large fan-outs are split into methods small enough for the JIT to compile.
 */
final class MatcherWriter {

    /** Literals handled by one method at most; past it a bucket gets a method of its own. */
    private static final int MAX_LITERALS_PER_METHOD = 24;
    /** Literals compared one by one at most; past it they are split on a character. */
    private static final int MAX_SEQUENTIAL = 4;

    private final List<RouteModel> routes;
    private final NameAllocator names;
    private final List<MethodSpec> methods = new ArrayList<>();

    MatcherWriter(List<RouteModel> routes, NameAllocator names) {
        this.routes = routes;
        this.names = names;
    }

    /** Writes the methods for {@code tree}; returns the name of its root method. */
    String write(RouteTree tree, String baseName) {
        String name = names.newName(baseName);
        writeNode(tree.root(), name, tree.method() + " /");
        return name;
    }

    /** All methods written so far. */
    List<MethodSpec> methods() {
        return methods;
    }

    private void writeNode(RouteTree.Node node, String name, String shape) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(String.class, "path")
                .addParameter(TypeName.INT, "start")
                .addJavadoc("Matches {@code $L...} from the segment at {@code start}; returns the route or -1.\n",
                        escapeJavadoc(shape));
        CodeBlock.Builder body = CodeBlock.builder();
        boolean segmentChildren = !node.literals().isEmpty() || node.param() != null;
        if (segmentChildren) {
            body.addStatement("int end = path.indexOf('/', start)")
                    .addStatement("boolean last = end < 0")
                    .beginControlFlow("if (last)")
                    .addStatement("end = path.length()")
                    .endControlFlow();
            List<Map.Entry<String, RouteTree.Node>> literals = new ArrayList<>(node.literals().entrySet());
            if (!literals.isEmpty()) {
                body.add(literalDispatch(literals, name, shape));
            }
            if (node.param() != null) {
                body.beginControlFlow("if (end > start)")
                        .add(descend(node.param(), name + "Param", shape + "{}/"))
                        .endControlFlow();
            }
        }
        if (!node.catchAll().isEmpty()) {
            body.beginControlFlow("if (path.length() > start)")
                    .addStatement("return $L", routeRef(node.catchAll().getFirst()))
                    .endControlFlow();
        }
        body.addStatement("return -1");
        methods.add(method.addCode(body.build()).build());
    }

    /** Code that, the current segment having matched {@code child}'s edge, returns on a match below it. */
    private CodeBlock descend(RouteTree.Node child, String childName, String childShape) {
        boolean terminal = !child.terminal().isEmpty();
        boolean deeper = child.hasChildren();
        CodeBlock.Builder code = CodeBlock.builder();
        if (terminal) {
            code.beginControlFlow("if (last)")
                    .addStatement("return $L", routeRef(child.terminal().getFirst()))
                    .endControlFlow();
        }
        if (deeper) {
            String name = names.newName(childName);
            writeNode(child, name, childShape);
            code.beginControlFlow(terminal ? "else" : "if (!last)")
                    .addStatement("int found = $N(path, end + 1)", name)
                    .beginControlFlow("if (found >= 0)")
                    .addStatement("return found")
                    .endControlFlow()
                    .endControlFlow();
        }
        return code.build();
    }

    private CodeBlock literalDispatch(List<Map.Entry<String, RouteTree.Node>> literals, String name, String shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (literals.size() <= MAX_SEQUENTIAL) {
            for (Map.Entry<String, RouteTree.Node> literal : literals) {
                code.beginControlFlow("if (end - start == $L && path.startsWith($S, start))",
                                literal.getKey().length(), literal.getKey())
                        .add(literalMatched(literal, name, shape))
                        .endControlFlow();
            }
            return code.build();
        }
        Map<Integer, List<Map.Entry<String, RouteTree.Node>>> byLength = new TreeMap<>();
        for (Map.Entry<String, RouteTree.Node> literal : literals) {
            byLength.computeIfAbsent(literal.getKey().length(), k -> new ArrayList<>()).add(literal);
        }
        code.beginControlFlow("switch (end - start)");
        for (Map.Entry<Integer, List<Map.Entry<String, RouteTree.Node>>> bucket : byLength.entrySet()) {
            code.beginControlFlow("case $L ->", bucket.getKey())
                    .add(sameLength(bucket.getValue(), name + "Length" + bucket.getKey(), name, shape))
                    .endControlFlow();
        }
        return code.endControlFlow().build();
    }

    /** Dispatches among literals of one length, in a method of its own when there are many. */
    private CodeBlock sameLength(List<Map.Entry<String, RouteTree.Node>> literals, String bucketName, String name,
                                 String shape) {
        if (literals.size() <= MAX_LITERALS_PER_METHOD) {
            return byCharacter(literals, name, shape);
        }
        String method = names.newName(bucketName);
        methods.add(MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(String.class, "path")
                .addParameter(TypeName.INT, "start")
                .addParameter(TypeName.INT, "end")
                .addParameter(TypeName.BOOLEAN, "last")
                .addJavadoc("Matches the $L literal segments of length $L after {@code $L}.\n",
                        literals.size(), literals.getFirst().getKey().length(), escapeJavadoc(shape))
                .addCode(byCharacter(literals, name, shape))
                .addStatement("return -1")
                .build());
        return CodeBlock.builder()
                .addStatement("int found = $N(path, start, end, last)", method)
                .beginControlFlow("if (found >= 0)")
                .addStatement("return found")
                .endControlFlow()
                .build();
    }

    /** Literals of one length: compared in turn when few, else split on their most varied character. */
    private CodeBlock byCharacter(List<Map.Entry<String, RouteTree.Node>> literals, String name, String shape) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (literals.size() <= MAX_SEQUENTIAL) {
            for (Map.Entry<String, RouteTree.Node> literal : literals) {
                code.beginControlFlow("if (path.startsWith($S, start))", literal.getKey())
                        .add(literalMatched(literal, name, shape))
                        .endControlFlow();
            }
            return code.build();
        }
        int position = mostVariedPosition(literals);
        Map<Character, List<Map.Entry<String, RouteTree.Node>>> byChar = new TreeMap<>();
        for (Map.Entry<String, RouteTree.Node> literal : literals) {
            byChar.computeIfAbsent(literal.getKey().charAt(position), k -> new ArrayList<>()).add(literal);
        }
        code.beginControlFlow("switch (path.charAt(start + $L))", position);
        for (Map.Entry<Character, List<Map.Entry<String, RouteTree.Node>>> group : byChar.entrySet()) {
            code.beginControlFlow("case $L ->", charLiteral(group.getKey()))
                    .add(sameLength(group.getValue(), name + "At" + position, name, shape))
                    .endControlFlow();
        }
        code.beginControlFlow("default ->").endControlFlow();
        return code.endControlFlow().build();
    }

    private CodeBlock literalMatched(Map.Entry<String, RouteTree.Node> literal, String name, String shape) {
        String text = literal.getKey();
        String suffix = text.isEmpty() ? "Slash" : capitalize(text);
        return descend(literal.getValue(), name + suffix, shape + text + "/");
    }

    private static int mostVariedPosition(List<Map.Entry<String, RouteTree.Node>> literals) {
        int length = literals.getFirst().getKey().length();
        int best = 0;
        long bestDistinct = -1;
        for (int i = 0; i < length; i++) {
            int position = i;
            long distinct = literals.stream().map(l -> l.getKey().charAt(position)).distinct().count();
            if (distinct > bestDistinct) {
                best = i;
                bestDistinct = distinct;
            }
        }
        return best;
    }

    private String routeRef(int index) {
        return Integer.toString(index);
    }

    static String charLiteral(char c) {
        return switch (c) {
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            default -> c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
        };
    }

    static String capitalize(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.isEmpty() ? "Segment" : out.toString();
    }

    static String escapeJavadoc(String text) {
        return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
    }
}
