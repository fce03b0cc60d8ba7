package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.spur.processor.model.RouteTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Writes one route tree as matcher methods: one method per trie node that has children, each
 * taking the canonical path and the start of its segment and returning a route number or -1.
 * Literal children are chosen by segment length, then (when there are many) by a character,
 * then compared in place with {@link String#startsWith(String, int)}: nothing is allocated.
 * Large fan-outs are split into methods small enough for the JIT to compile. In a router with
 * conditions a matcher also takes the exchange (and the {@code strict} flag) when a route below it
 * needs them, and terminal nodes
 * pick among their candidates with the code {@link ConditionWriter} writes.
 */
final class MatcherWriter {

    /** Literals handled by one method at most; past it a bucket gets a method of its own. */
    private static final int MAX_LITERALS_PER_METHOD = 24;
    /** Literals compared one by one at most; past it they are split on length or a character. */
    private static final int MAX_SEQUENTIAL = 4;

    private final Names names;
    private final ConditionWriter conditions;
    private final java.util.function.IntPredicate guarded;
    private final java.util.function.IntPredicate media;
    private final Map<RouteTree.Node, Need> needs = new java.util.IdentityHashMap<>();
    private final Map<String, Need> methodNeeds = new HashMap<>();
    private final List<MethodSpec> methods = new ArrayList<>();
    private final Map<String, Integer> shardOf = new HashMap<>();
    private final int perShard;

    /**
     * A writer; {@code perShard} above 0 spreads the methods over nested classes of that many
     * methods each ({@link #SHARD_PREFIX}0, 1, ...), since one class file holds at most 65,535
     * constants and a router of thousands of routes needs more.
     */
    MatcherWriter(Names names, ConditionWriter conditions, java.util.function.IntPredicate guarded,
                  java.util.function.IntPredicate media, int perShard) {
        this.names = names;
        this.conditions = conditions;
        this.guarded = guarded;
        this.media = media;
        this.perShard = perShard;
    }

    /** The simple-name prefix of the nested classes that hold matchers in a sharded router. */
    static final String SHARD_PREFIX = "Matchers";

    /** How to call matcher {@code name} from anywhere in the router class. */
    CodeBlock reference(String name) {
        int shard = shardOf.getOrDefault(name, -1);
        return shard < 0 ? CodeBlock.of("$N", name) : CodeBlock.of("$L$L.$N", SHARD_PREFIX, shard, name);
    }

    /** The written methods by shard (a single shard -1 when not sharded), parents before children. */
    Map<Integer, List<MethodSpec>> shards() {
        Map<Integer, List<MethodSpec>> shards = new TreeMap<>();
        for (MethodSpec method : methods) {
            shards.computeIfAbsent(shardOf.get(method.name()), k -> new ArrayList<>()).add(method);
        }
        return shards;
    }

    private int reserve(String name) {
        int slot = methods.size();
        methods.add(null);
        shardOf.put(name, perShard > 0 ? slot / perShard : -1);
        return slot;
    }

    /** Writes the methods for {@code tree}; returns the name of its root method. */
    String write(RouteTree tree, String baseName) {
        String name = names.newName(baseName);
        writeNode(tree.root(), name, tree.method() + " /");
        return name;
    }

    /**
     * What a matcher needs besides the path: the exchange when a route below it has conditions, and
     * the {@code strict} flag when one has media conditions (so no matcher takes a parameter it
     * does not use).
     */
    record Need(boolean exchange, boolean strict) {
        static final Need NONE = new Need(false, false);

        Need or(Need other) {
            return new Need(exchange || other.exchange, strict || other.strict);
        }

        /** The arguments a call passes after the path and start. */
        CodeBlock arguments(String strictValue) {
            return CodeBlock.of("$L$L", exchange ? ", exchange" : "", strict ? ", " + strictValue : "");
        }
    }

    /** What the subtree of {@code node} needs. */
    private Need need(RouteTree.Node node) {
        Need known = needs.get(node);
        if (known != null) {
            return known;
        }
        Need need = routesNeed(node.terminal()).or(routesNeed(node.catchAll()));
        for (RouteTree.Node child : node.literals().values()) {
            need = need.or(need(child));
        }
        if (node.param() != null) {
            need = need.or(need(node.param()));
        }
        needs.put(node, need);
        return need;
    }

    private Need routesNeed(List<Integer> routes) {
        Need need = Need.NONE;
        for (int route : routes) {
            need = need.or(new Need(guarded.test(route), media.test(route)));
        }
        return need;
    }

    /** What the matcher named {@code name} (a root {@link #write} returned) takes. */
    Need needOf(String name) {
        return methodNeeds.getOrDefault(name, Need.NONE);
    }

    private MethodSpec.Builder matcher(String name, Need need) {
        methodNeeds.put(name, need);
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(String.class, "path")
                .addParameter(TypeName.INT, "start");
        if (need.exchange()) {
            method.addParameter(RuntimeTypes.EXCHANGE, "exchange");
        }
        if (need.strict()) {
            method.addParameter(TypeName.BOOLEAN, "strict");
        }
        return method;
    }

    private void writeNode(RouteTree.Node node, String name, String shape) {
        int slot = reserve(name);
        MethodSpec.Builder method = matcher(name, need(node))
                .addJavadoc("Matches {@code $L...} from the segment at {@code start}; returns the route or -1.\n",
                        SourceText.javadoc(shape));
        CodeBlock.Builder body = CodeBlock.builder();
        if (!node.literals().isEmpty() || node.param() != null) {
            body.addStatement("int end = $T.segmentEnd(path, start)", RuntimeTypes.REQUEST_PATH)
                    .addStatement("boolean last = end == path.length()");
            List<Map.Entry<String, RouteTree.Node>> literals = new ArrayList<>(node.literals().entrySet());
            if (literals.size() <= MAX_SEQUENTIAL) {
                for (Map.Entry<String, RouteTree.Node> literal : literals) {
                    body.add(literalMatched(literal, lengthAndText(literal.getKey()), name, shape));
                }
            } else {
                body.add(byLength(literals, name, shape));
            }
            if (node.param() != null) {
                body.add(descend(node.param(), CodeBlock.of("end > start"), name + "Param", shape + "{}/"));
            }
        }
        if (!node.catchAll().isEmpty()) {
            body.beginControlFlow("if (path.length() > start)")
                    .add(conditions.pick(node.catchAll()))
                    .endControlFlow();
        }
        body.addStatement("return -1");
        methods.set(slot, method.addCode(body.build()).build());
    }

    /**
     * Code that, when {@code test} holds for the current segment, returns a match found at
     * {@code child} or below it, and otherwise falls through (backtracking).
     */
    private CodeBlock descend(RouteTree.Node child, CodeBlock test, String childName, String childShape) {
        boolean terminal = !child.terminal().isEmpty();
        boolean deeper = child.hasChildren();
        CodeBlock.Builder code = CodeBlock.builder();
        if (terminal && !deeper) {
            return code.beginControlFlow("if ($L)", both(CodeBlock.of("last"), test))
                    .add(conditions.pick(child.terminal()))
                    .endControlFlow()
                    .build();
        }
        String name = names.newName(childName);
        writeNode(child, name, childShape);
        CodeBlock call = CodeBlock.builder()
                .addStatement("int found = $L(path, end + 1$L)", reference(name), need(child).arguments("strict"))
                .beginControlFlow("if (found >= 0)")
                .addStatement("return found")
                .endControlFlow()
                .build();
        if (!terminal) {
            return code.beginControlFlow("if ($L)", both(CodeBlock.of("!last"), test)).add(call).endControlFlow()
                    .build();
        }
        CodeBlock choice = CodeBlock.builder()
                .beginControlFlow("if (last)")
                .add(conditions.pick(child.terminal()))
                .nextControlFlow("else")
                .add(call)
                .endControlFlow()
                .build();
        return test == null ? choice : code.beginControlFlow("if ($L)", test).add(choice).endControlFlow().build();
    }

    private static CodeBlock both(CodeBlock first, CodeBlock second) {
        return second == null ? first : CodeBlock.of("$L && $L", first, second);
    }

    private static CodeBlock lengthAndText(String literal) {
        return literal.isEmpty()
                ? CodeBlock.of("end == start")
                : CodeBlock.of("end - start == $L && path.startsWith($L, start)", literal.length(),
                        SourceText.literal(literal));
    }

    private CodeBlock byLength(List<Map.Entry<String, RouteTree.Node>> literals, String name, String shape) {
        Map<Integer, List<Map.Entry<String, RouteTree.Node>>> byLength = new TreeMap<>();
        for (Map.Entry<String, RouteTree.Node> literal : literals) {
            byLength.computeIfAbsent(literal.getKey().length(), k -> new ArrayList<>()).add(literal);
        }
        boolean crowded = literals.size() > MAX_LITERALS_PER_METHOD;
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (end - start)");
        for (Map.Entry<Integer, List<Map.Entry<String, RouteTree.Node>>> bucket : byLength.entrySet()) {
            List<Map.Entry<String, RouteTree.Node>> same = bucket.getValue();
            String bucketName = name + "Length" + bucket.getKey();
            code.beginControlFlow("case $L ->", bucket.getKey())
                    .add(crowded && same.size() > MAX_SEQUENTIAL
                            ? inOwnMethod(same, bucketName, name, shape)
                            : sameLength(same, bucketName, name, shape))
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
        return inOwnMethod(literals, bucketName, name, shape);
    }

    /** Dispatches among literals of one length in a method of its own; returns the call. */
    private CodeBlock inOwnMethod(List<Map.Entry<String, RouteTree.Node>> literals, String bucketName, String name,
                                  String shape) {
        String method = names.newName(bucketName);
        int slot = reserve(method);
        Need need = Need.NONE;
        for (Map.Entry<String, RouteTree.Node> literal : literals) {
            need = need.or(need(literal.getValue()));
        }
        MethodSpec.Builder bucket = matcher(method, need)
                .addParameter(TypeName.INT, "end")
                .addParameter(TypeName.BOOLEAN, "last")
                .addJavadoc("Matches the $L literal segments of length $L after {@code $L}.\n",
                        literals.size(), literals.getFirst().getKey().length(), SourceText.javadoc(shape));
        methods.set(slot, bucket.addCode(byCharacter(literals, name, shape)).addStatement("return -1").build());
        return CodeBlock.builder()
                .addStatement("int found = $L(path, start$L, end, last)", reference(method), need.arguments("strict"))
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
                CodeBlock test = literal.getKey().isEmpty()
                        ? null
                        : CodeBlock.of("path.startsWith($L, start)", SourceText.literal(literal.getKey()));
                code.add(literalMatched(literal, test, name, shape));
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
        return code.endControlFlow().build();
    }

    private CodeBlock literalMatched(Map.Entry<String, RouteTree.Node> literal, CodeBlock test, String name,
                                     String shape) {
        String text = literal.getKey();
        String suffix = text.isEmpty() ? "Slash" : capitalize(text);
        return descend(literal.getValue(), test, name + suffix, shape + text + "/");
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

    /**
     * A Java char literal. Control characters use octal escapes: javac turns {@code \\u000a} into a
     * real line end before parsing, which would break the literal.
     */
    static String charLiteral(char c) {
        return switch (c) {
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    yield String.format("'\\%o'", (int) c);
                }
                yield c < 0x7f ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
            }
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

}
