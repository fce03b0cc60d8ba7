package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.Guard;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.MatchModel;
import dev.spur.processor.model.RouteModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code @Match} conditions as straight-line boolean expressions: one {@code accepts}
 * method per conditional route, one method per hijack, and the code a terminal trie node runs to
 * pick among its candidate routes (first that holds, or best {@code Accept} quality when some
 * declare {@code produces}).
 *
 * <p>In the lenient pass ({@code strict} false) {@code consumes} and {@code produces} count as met,
 * so that a route failing only on them is found and answered with 415 or 406.
 */
final class ConditionWriter {

    /** The quality a route without {@code produces} gets in negotiation: below any explicit match. */
    private static final double UNDECLARED_QUALITY = 0.001;

    private final List<RouteModel> routes;
    private final Constants constants;
    private final Names names;
    private final Map<Integer, String> acceptsNames = new HashMap<>();
    private final List<MethodSpec> methods = new ArrayList<>();

    ConditionWriter(List<RouteModel> routes, Constants constants, Names names) {
        this.routes = routes;
        this.constants = constants;
        this.names = names;
    }

    /** The methods written so far. */
    List<MethodSpec> methods() {
        return methods;
    }

    /** {@code return 7; // Orders.get}: a route number always comes with its handler. */
    private CodeBlock returnRoute(int route) {
        return CodeBlock.of("return $L; // $L\n", route, SourceText.comment(routes.get(route).handlerName()));
    }

    /** Code that returns a route among {@code candidates} whose conditions hold, or falls through. */
    CodeBlock pick(List<Integer> candidates) {
        CodeBlock.Builder code = CodeBlock.builder();
        boolean negotiate = candidates.stream().anyMatch(i -> produces(i) != null);
        if (!negotiate) {
            for (int route : candidates) {
                if (routes.get(route).guard().always()) {
                    return code.add(returnRoute(route)).build();
                }
                code.beginControlFlow("if ($L)", acceptsCall(route))
                        .add(returnRoute(route))
                        .endControlFlow();
            }
            return code.build();
        }
        code.addStatement("int best = -1").addStatement("double quality = -1");
        for (int route : candidates) {
            List<String> produced = produces(route);
            CodeBlock q = produced == null ? CodeBlock.of("$L", UNDECLARED_QUALITY)
                    : CodeBlock.of("$T.quality(exchange, $N)", RuntimeTypes.CONDITIONS,
                    constants.mediaRanges("PRODUCES", produced));
            boolean guarded = !routes.get(route).guard().always();
            if (guarded) {
                code.beginControlFlow("if ($L)", acceptsCall(route));
            }
            code.addStatement("double q$L = $L", route, q)
                    .beginControlFlow("if (q$L > quality)", route)
                    .add("best = $L; // $L\n", route, SourceText.comment(routes.get(route).handlerName()))
                    .addStatement("quality = q$L", route)
                    .endControlFlow();
            if (guarded) {
                code.endControlFlow();
            }
        }
        return code.beginControlFlow("if (best >= 0)").addStatement("return best").endControlFlow().build();
    }

    /** The method that tells whether {@code hijack} takes a request. */
    MethodSpec hijack(HijackModel hijack, String name) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .addJavadoc("Whether {@link $T}'s hijack takes the request.\n", hijack.type())
                .addStatement("return $L", guard(hijack.guard(), false))
                .build();
    }

    /** A guard as an expression over {@code request} (and {@code strict} when media may be lenient). */
    CodeBlock guard(Guard guard, boolean lenientMedia) {
        List<CodeBlock> clauses = new ArrayList<>();
        for (List<MatchModel> clause : guard.clauses()) {
            List<CodeBlock> alternatives = clause.stream().map(m -> match(m, lenientMedia)).toList();
            clauses.add(alternatives.size() == 1 ? alternatives.getFirst()
                    : CodeBlock.of("($L)", CodeBlock.join(alternatives, " || ")));
        }
        return clauses.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(clauses, "\n        && ");
    }

    /** The 415/406 problem for a route found only by the lenient pass (-1: any route without consumes). */
    CodeBlock mediaProblem(int route) {
        Condition.Consumes declared = route < 0 ? null : lastPlain(route, Condition.Consumes.class);
        List<String> consumes = declared == null ? null : declared.ranges();
        CodeBlock notAcceptable = CodeBlock.of("new $T(406, $S, $S)", RuntimeTypes.HTTP_PROBLEM, "Not Acceptable",
                "No representation of this resource matches the Accept header.");
        if (consumes == null) {
            return notAcceptable;
        }
        return CodeBlock.of("$T.consumes(exchange, $N)\n        ? $L\n        : new $T(415, $S, $S)",
                RuntimeTypes.CONDITIONS, constants.mediaRanges("CONSUMES", consumes), notAcceptable,
                RuntimeTypes.HTTP_PROBLEM, "Unsupported Media Type",
                "This route does not accept the request's Content-Type.");
    }

    /** Whether any route has a consumes or produces condition. */
    boolean hasMedia() {
        return routes.stream().anyMatch(r -> r.guard().has(Condition.Consumes.class)
                || r.guard().has(Condition.Produces.class));
    }

    /** Whether route {@code route} has a media condition, which the lenient pass counts as met. */
    boolean media(int route) {
        return routes.get(route).guard().has(Condition.Consumes.class)
                || routes.get(route).guard().has(Condition.Produces.class);
    }

    /** {@code acceptsOrdersGet(exchange[, strict])}. */
    private CodeBlock acceptsCall(int route) {
        return CodeBlock.of("$N(exchange$L)", accepts(route), media(route) ? ", strict" : "");
    }

    private String accepts(int route) {
        return acceptsNames.computeIfAbsent(route, index -> {
            RouteModel model = routes.get(index);
            String name = names.newName("accepts" + MatcherWriter.capitalize(
                    RouterWriter.decapitalize(model.handler().type().simpleName()))
                    + MatcherWriter.capitalize(model.handlerMethod()));
            MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeName.BOOLEAN)
                    .addParameter(RuntimeTypes.EXCHANGE, "exchange");
            if (media(index)) {
                method.addParameter(TypeName.BOOLEAN, "strict");
            }
            methods.add(method
                    .addJavadoc("The conditions of {@code $L} ($L).\n",
                            SourceText.javadoc(model.describe()), SourceText.javadoc(model.handlerName()))
                    .addStatement("return $L", guard(model.guard(), true))
                    .build());
            return name;
        });
    }

    private List<String> produces(int route) {
        Condition.Produces declared = lastPlain(route, Condition.Produces.class);
        return declared == null ? null : declared.types();
    }

    /** The last condition of {@code kind} outside a negated match (the method's over the class's), or null. */
    private <C extends Condition> C lastPlain(int route, Class<C> kind) {
        C found = null;
        for (List<MatchModel> clause : routes.get(route).guard().clauses()) {
            for (MatchModel match : clause) {
                if (!match.negate()) {
                    for (Condition condition : match.conditions()) {
                        if (kind.isInstance(condition)) {
                            found = kind.cast(condition);
                        }
                    }
                }
            }
        }
        return found;
    }

    private CodeBlock match(MatchModel match, boolean lenientMedia) {
        List<CodeBlock> conditions = match.conditions().stream()
                .map(c -> condition(c, lenientMedia && !match.negate())).toList();
        CodeBlock all = CodeBlock.join(conditions, " && ");
        if (match.negate()) {
            return CodeBlock.of("!($L)", all);
        }
        return conditions.size() == 1 ? all : CodeBlock.of("($L)", all);
    }

    private CodeBlock condition(Condition condition, boolean lenientMedia) {
        return switch (condition) {
            case Condition.Host host -> CodeBlock.of("$T.$N(exchange, $L)", RuntimeTypes.CONDITIONS,
                    host.wildcard() ? "hostUnder" : "host", SourceText.literal(host.host()));
            case Condition.Header header -> header.value() == null
                    ? CodeBlock.of("$T.header(exchange, $N)", RuntimeTypes.CONDITIONS, constants.headerName(header.name()))
                    : CodeBlock.of("$T.header(exchange, $N, $L)", RuntimeTypes.CONDITIONS,
                    constants.headerName(header.name()), SourceText.literal(header.value()));
            case Condition.Query query -> query.value() == null
                    ? CodeBlock.of("$T.query(exchange, $L)", RuntimeTypes.CONDITIONS, SourceText.literal(query.name()))
                    : CodeBlock.of("$T.query(exchange, $L, $L)", RuntimeTypes.CONDITIONS, SourceText.literal(query.name()),
                    SourceText.literal(query.value()));
            case Condition.Consumes consumes -> media(CodeBlock.of("$T.consumes(exchange, $N)", RuntimeTypes.CONDITIONS,
                    constants.mediaRanges("CONSUMES", consumes.ranges())), lenientMedia);
            case Condition.Produces produces -> media(CodeBlock.of("$T.quality(exchange, $N) > 0",
                    RuntimeTypes.CONDITIONS, constants.mediaRanges("PRODUCES", produces.types())), lenientMedia);
            case Condition.Scheme scheme -> CodeBlock.of(scheme.secure() ? "$T.secure(exchange)" : "!$T.secure(exchange)",
                    RuntimeTypes.CONDITIONS);
            case Condition.Version version -> CodeBlock.of("$T.version(exchange, $L)", RuntimeTypes.CONDITIONS,
                    SourceText.literal(version.version()));
            case Condition.Port port -> CodeBlock.of("$T.port(exchange, $L)", RuntimeTypes.CONDITIONS, port.port());
            case Condition.Listener listener -> CodeBlock.of("$T.listener(exchange, $L)", RuntimeTypes.CONDITIONS,
                    SourceText.literal(listener.name()));
            case Condition.Remote remote -> CodeBlock.of("$T.remote(exchange, $N)", RuntimeTypes.CONDITIONS,
                    constants.networks(remote.networks()));
            case Condition.Custom custom -> CodeBlock.of("$N.matches(exchange)", constants.matcher(custom.type(), custom.typeParameters()));
        };
    }

    private static CodeBlock media(CodeBlock check, boolean lenient) {
        return lenient ? CodeBlock.of("(!strict || $L)", check) : check;
    }
}
