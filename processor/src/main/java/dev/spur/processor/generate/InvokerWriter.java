package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.ResultKind;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes, for each route, the method that binds its parameters from the request, calls the
 * handler and writes the result: straight-line code, one statement per parameter.
 */
final class InvokerWriter {

    private final Constants constants;
    private final boolean detached;
    private final ClassName routerType;
    /** Locals must not take these names: a local {@code h} would obscure the class in {@code h.route()}. */
    private final java.util.Set<String> reserved;
    private NameAllocator locals;
    /** The local holding the route's form fields, when it has {@code @Form} parameters. */
    private String form;
    /** The parameter name of the conversion lambdas, one for all of them, taken when first needed. */
    private String lambdaValue;

    /**
     * A writer; {@code detached} invokers are static methods taking the router as their first
     * parameter, so that a large router can keep them in nested classes.
     */
    InvokerWriter(Constants constants, boolean detached, ClassName routerType, java.util.Set<String> reserved) {
        this.constants = constants;
        this.detached = detached;
        this.routerType = routerType;
        this.reserved = java.util.Set.copyOf(reserved);
    }

    /**
     * The invoker of {@code route}, named {@code name}: it binds the parameters, calls the handler
     * and answers with its result, or with what it threw (the innermost step of the route's chain).
     */
    MethodSpec write(RouteModel route, String name) {
        locals = new NameAllocator();
        locals.newName("exchange");
        locals.newName("path");
        locals.newName("router");
        locals.newName("thrown");
        reserved.forEach(locals::newName);
        CodeBlock.Builder body = CodeBlock.builder();
        if (route.params().stream().anyMatch(p -> p instanceof ParamModel.Path)) {
            body.addStatement("$T path = exchange.path()", String.class);
        }
        form = null;
        lambdaValue = null;
        if (route.params().stream().anyMatch(p -> p instanceof ParamModel.FormRecord
                || p instanceof ParamModel.Named named && named.source() == ParamModel.Source.FORM)) {
            form = locals.newName("form");
            body.addStatement("$T $N = $T.form(exchange)", RuntimeTypes.FORM_FIELDS, form, RuntimeTypes.BODIES);
        }
        List<CodeBlock> args = new ArrayList<>();
        for (ParamModel param : route.params()) {
            args.add(bind(param, body));
        }
        CodeBlock call = route.isStatic()
                ? CodeBlock.of("$T.$N($L)", route.handler().type(), route.handlerMethod(), CodeBlock.join(args, ", "))
                : CodeBlock.of("$L.$N.$N($L)", detached ? "router" : "this", route.handler().field(), route.handlerMethod(), CodeBlock.join(args, ", "));
        writeCall(route, call, body);
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        if (detached) {
            method.addModifiers(Modifier.STATIC).addParameter(routerType, "router");
        }
        // Whatever the handler throws (an Exception, an Error, or a Throwable that is neither) is
        // the exchange's answer when the invoker returns, for the layers around it.
        return method
                .addJavadoc("{@code $L} → {@link $T#$N}.\n", SourceText.javadoc(route.describe()),
                        route.handler().type(), route.handlerMethod())
                .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                .beginControlFlow("try")
                .addCode(body.build())
                .nextControlFlow("catch ($T thrown)", Throwable.class)
                .addStatement("$T.answer(exchange, thrown)", RuntimeTypes.FAILURES)
                .endControlFlow()
                .build();
    }

    private static void writeCall(RouteModel route, CodeBlock call, CodeBlock.Builder body) {
        if (route.isAsync()) {
            // a CompletionStage is awaited on the request's (virtual) thread, within its deadline
            call = CodeBlock.of("$T.await(exchange, $L)", RuntimeTypes.ASYNC, call);
        }
        if (route.result() == ResultKind.VOID) {
            body.addStatement("$L", call).addStatement("$T.noContent(exchange)", RuntimeTypes.RESPONSES);
        } else {
            body.addStatement("$T.$N(exchange, $L)", RuntimeTypes.RESPONSES, route.result().writer(), call);
        }
    }

    /** Adds statements binding {@code param} to a local; returns the argument expression. */
    private CodeBlock bind(ParamModel param, CodeBlock.Builder body) {
        return switch (param) {
            case ParamModel.Exchange exchange -> CodeBlock.of("$T.$N(exchange)", RuntimeTypes.PARAMS,
                    exchange.response() ? "serverResponse" : "serverRequest");
            case ParamModel.Streamed streamed -> {
                String local = locals.newName(streamed.name());
                body.addStatement("$T $N = $L", StreamTypes.type(streamed), local, StreamTypes.read(streamed));
                yield CodeBlock.of("$N", local);
            }
            case ParamModel.Path path -> {
                CodeBlock raw = CodeBlock.of("$T.$N(path, $L)", RuntimeTypes.REQUEST_PATH,
                        path.catchAll() ? "rest" : "segment", path.segment());
                String local = locals.newName(path.name());
                body.addStatement("$T $N = $L", path.type(), local,
                        convert(raw, path.valueType(), path.type(), "path parameter '" + path.name() + "'"));
                yield CodeBlock.of("$N", local);
            }
            case ParamModel.Named named -> {
                String local = locals.newName(named.name());
                body.addStatement("$T $N = $L", namedType(named), local, named(named));
                yield CodeBlock.of("$N", local);
            }
            case ParamModel.FormRecord record -> {
                List<CodeBlock> components = new ArrayList<>();
                for (ParamModel.Named field : record.fields()) {
                    String local = locals.newName(field.name());
                    body.addStatement("$T $N = $L", namedType(field), local, named(field));
                    components.add(CodeBlock.of("$N", local));
                }
                String local = locals.newName(record.name());
                body.addStatement("$T $N = new $T($L)", record.type(), local, record.type(),
                        CodeBlock.join(components, ", "));
                yield CodeBlock.of("$N", local);
            }
            case ParamModel.Body bodyParam -> {
                CodeBlock read = switch (bodyParam.kind()) {
                    case TEXT -> CodeBlock.of("$T.text(exchange)", RuntimeTypes.BODIES);
                    case BYTES -> CodeBlock.of("$T.bytes(exchange)", RuntimeTypes.BODIES);
                    case JSON -> hasTypeArguments(bodyParam.type())
                            ? CodeBlock.of("$T.json(exchange, $L)", RuntimeTypes.BODIES, TypeSpec
                                    .anonymousClassBuilder("")
                                    .superclass(ParameterizedTypeName.get(RuntimeTypes.GENERIC_TYPE,
                                            bodyParam.type()))
                                    .build())
                            : CodeBlock.of("$T.json(exchange, $T.class)", RuntimeTypes.BODIES, bodyParam.type());
                };
                String local = locals.newName(bodyParam.name());
                body.addStatement("$T $N = $L", bodyParam.type(), local, read);
                yield CodeBlock.of("$N", local);
            }
        };
    }

    /** Whether a class literal cannot express {@code type} (generics, also inside arrays). */
    private static boolean hasTypeArguments(TypeName type) {
        return switch (type) {
            case ParameterizedTypeName parameterized -> true;
            case com.palantir.javapoet.ArrayTypeName array -> hasTypeArguments(array.componentType());
            default -> false;
        };
    }

    /** The Java type of a named parameter: its value type, or an {@code Optional}, {@code List} or {@code Set} of it. */
    static TypeName namedType(ParamModel.Named named) {
        return switch (named.arity()) {
            case ONE -> named.type();
            case OPTIONAL -> ParameterizedTypeName.get(ClassName.get(Optional.class), named.type().box());
            case LIST -> ParameterizedTypeName.get(ClassName.get(java.util.List.class), named.type().box());
            case SET -> ParameterizedTypeName.get(ClassName.get(java.util.Set.class), named.type().box());
        };
    }

    private CodeBlock named(ParamModel.Named named) {
        String what = named.what();
        if (named.many()) {
            CodeBlock values = lookup(named, Lookup.VALUES);
            String set = named.arity() == ParamModel.Arity.SET ? "set" : "list";
            if (named.valueType() == ValueType.STRING) {
                return named.arity() == ParamModel.Arity.SET ? CodeBlock.of("$T.set($L)", RuntimeTypes.PARAMS, values)
                        : values;
            }
            String value = lambdaValue();
            return CodeBlock.of("$T.$N($L, $N -> $L)", RuntimeTypes.PARAMS, set, values, value,
                    convert(CodeBlock.of("$N", value), named.valueType(), named.type(), what));
        }
        CodeBlock lookup = lookup(named, Lookup.OPTIONAL);
        if (named.optional()) {
            if (named.valueType() == ValueType.STRING) {
                return lookup;
            }
            String value = lambdaValue();
            return CodeBlock.of("$L.map($N -> $L)", lookup, value,
                    convert(CodeBlock.of("$N", value), named.valueType(), named.type(), what));
        }
        CodeBlock raw = named.defaultValue() != null
                ? CodeBlock.of("$L.orElse($L)", lookup, SourceText.literal(named.defaultValue()))
                : lookup(named, Lookup.REQUIRED);
        return convert(raw, named.valueType(), named.type(), what);
    }

    /**
     * The name of a conversion lambda's parameter: one name for every lambda of the invoker (each
     * lambda is its own scope), kept apart from the invoker's locals.
     */
    private String lambdaValue() {
        if (lambdaValue == null) {
            lambdaValue = locals.newName("value");
        }
        return lambdaValue;
    }

    /** Which of a named parameter's values a lookup reads. */
    private enum Lookup {
        /** The one value, if sent: {@code Params.query(...)}, an {@code Optional}. */
        OPTIONAL,
        /** The one value, a 400 when absent: {@code Params.requiredQuery(...)}. */
        REQUIRED,
        /** Every value: {@code Params.queryValues(...)}, a {@code List}. */
        VALUES
    }

    /** The expression reading {@code named}'s text: its one value, optional or required, or all of them. */
    private CodeBlock lookup(ParamModel.Named named, Lookup lookup) {
        if (named.source() == ParamModel.Source.FORM) {
            return CodeBlock.of("$N.$N($L)", form, switch (lookup) {
                case OPTIONAL -> "field";
                case REQUIRED -> "requiredField";
                case VALUES -> "values";
            }, SourceText.literal(named.key()));
        }
        String source = named.source().name().toLowerCase(java.util.Locale.ROOT);
        String method = switch (lookup) {
            case OPTIONAL -> source;
            case REQUIRED -> "required" + MatcherWriter.capitalize(source);
            case VALUES -> source + "Values";
        };
        CodeBlock key = named.header() ? CodeBlock.of("$N", constants.headerName(named.key()))
                : SourceText.literal(named.key());
        return CodeBlock.of("$T.$N(exchange, $L)", RuntimeTypes.PARAMS, method, key);
    }

    private static CodeBlock convert(CodeBlock raw, ValueType valueType, TypeName type, String what) {
        if (valueType.factory() != null) {
            // the type's own factory, chosen at compile time: a method reference, no reflection
            return CodeBlock.of("$T.convert($L, $T::$N, $L, $L)", RuntimeTypes.PARAMS, raw, type, valueType.factory(),
                    SourceText.literal(what), SourceText.literal(valueType.describe(type)));
        }
        return switch (valueType) {
            case STRING -> raw;
            case ENUM -> CodeBlock.of("$T.toEnum($L, $T.class, $L)", RuntimeTypes.PARAMS, raw, type,
                    SourceText.literal(what));
            default -> CodeBlock.of("$T.$N($L, $L)", RuntimeTypes.PARAMS, valueType.converter(), raw,
                    SourceText.literal(what));
        };
    }
}
