package dev.spur.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.MatchModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.ServiceModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.lang.model.element.Modifier;

/**
 * Writes the binding client of one service: a typed method per route (path, query, header and body
 * parameters in, the handler's return type out), its {@code ...Answer} variant with status and
 * headers, and the raw {@code call(exchange)}. Routes that take Helidon's own request or response,
 * and hijacked routes, which a binding's request cannot select, have no typed method.
 */
public final class BindingWriter {

    private static final List<String> RESERVED = List.of("call", "request", "binding", "service", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private final RouterModel model;
    private final ServiceModel service;
    private final NameAllocator members = new NameAllocator();

    private BindingWriter(RouterModel model, ServiceModel service) {
        this.model = model;
        this.service = service;
        RESERVED.forEach(members::newName);
    }

    /** The binding client's source file. */
    public static JavaFile write(RouterModel model, ServiceModel service, String generator) {
        return new BindingWriter(model, service).file(generator);
    }

    /** Whether a binding gives route {@code route} a typed method. */
    public static boolean bindable(RouteModel route) {
        // Helidon's request or response, a streamed body or an event sink exist only over a connection
        return route.hijack() == null && route.params().stream()
                .noneMatch(p -> p instanceof ParamModel.Exchange || p instanceof ParamModel.Streamed);
    }

    private JavaFile file(String generator) {
        ClassName name = service.binding();
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED).addMember("value", "$S", generator).build())
                .addJavadoc("The binding to the $L service {@code $L}: a typed call per route, in process or over HTTP as\n"
                        + "the application is configured; an answer outside 2xx is a {@link $T}.\n",
                        service.isPrivate() ? "private" : "public", service.name(),
                        ClassName.get(RuntimeTypes.SERVICES_PACKAGE, "BindingException"))
                .addField(RuntimeTypes.BINDING, "binding", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A client over {@code binding}, the router's binding to service {@code $L}\n"
                                + "({@code router.services().orElseThrow().binding($S)}).\n", service.name(), service.name())
                        .addParameter(RuntimeTypes.BINDING, "binding")
                        .beginControlFlow("if (!binding.service().equals($S))", service.name())
                        .addStatement("throw new $T($S + binding.service())", IllegalArgumentException.class,
                                name.simpleName() + " takes the binding to service '" + service.name()
                                        + "', not to service ")
                        .endControlFlow()
                        .addStatement("this.binding = binding")
                        .build())
                .addMethod(MethodSpec.methodBuilder("call")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(RuntimeTypes.EXCHANGE)
                        .addJavadoc("Sends {@code request} to the service as it is and returns the exchange holding its answer,\n"
                                + "whatever the status: the raw call, for what the typed methods do not cover.\n")
                        .addParameter(RuntimeTypes.EXCHANGE, "request")
                        .addStatement("return binding.call(request)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("request")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(RuntimeTypes.EXCHANGE.nestedClass("Builder"))
                        .addJavadoc("A request to the service for {@link #call}, carrying the current request id.\n")
                        .addParameter(String.class, "method")
                        .addParameter(String.class, "target")
                        .addStatement("return binding.request(method, target)")
                        .build());
        for (int i = 0; i < model.routes().size(); i++) {
            RouteModel route = model.routes().get(i);
            if (route.handler().service().equals(service.name()) && bindable(route)) {
                route(type, route);
                type.addOriginatingElement(route.origin());
            }
        }
        return JavaFile.builder(name.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private void route(TypeSpec.Builder type, RouteModel route) {
        String method = methodName(route);
        String replyField = members.newName(upperSnake(method) + "_REPLY");
        TypeName value = valueType(route);
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.REPLY, value), replyField,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(reply(route))
                .build());
        List<ParameterSpec> parameters = new ArrayList<>();
        NameAllocator locals = new NameAllocator();
        for (ParamModel param : route.params()) {
            parameters.add(ParameterSpec.builder(parameterType(param), locals.newName(param.name(), param)).build());
        }
        String request = members.newName(method + "Request");
        type.addMethod(requestMethod(request, route, parameters, locals));
        String arguments = String.join(", ", parameters.stream().map(ParameterSpec::name).toList());
        String link = "{@code " + SourceText.javadoc(route.describe()) + "} of {@link "
                + route.handler().type().canonicalName() + "#" + route.handlerMethod() + "}";
        MethodSpec.Builder typed = MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC)
                .addParameters(parameters)
                .addJavadoc("Calls $L.\n", link);
        if (route.result() == dev.spur.processor.model.ResultKind.VOID) {
            typed.addStatement("binding.value($N($L), $N)", request, arguments, replyField);
        } else {
            typed.returns(value).addStatement("return binding.value($N($L), $N)", request, arguments, replyField);
        }
        type.addMethod(typed.build());
        type.addMethod(MethodSpec.methodBuilder(members.newName(method + "Answer"))
                .addModifiers(Modifier.PUBLIC)
                .addParameters(parameters)
                .returns(ParameterizedTypeName.get(RuntimeTypes.ANSWERED, value))
                .addJavadoc("Calls $L; the value with the answer's status and headers.\n", link)
                .addStatement("return binding.answer($N($L), $N)", request, arguments, replyField)
                .build());
    }

    /** The handler method's name, or one that tells routes of one name apart. */
    private String methodName(RouteModel route) {
        String plain = route.handlerMethod();
        boolean shared = model.routes().stream().filter(r -> r != route && bindable(r)
                        && r.handler().service().equals(service.name()))
                .anyMatch(r -> r.handlerMethod().equals(plain));
        if (!shared) {
            return members.newName(plain);
        }
        boolean sameHandler = model.routes().stream().filter(r -> r != route && bindable(r)
                        && r.handler().service().equals(service.name()) && r.handlerMethod().equals(plain))
                .allMatch(r -> r.handler().equals(route.handler()));
        String method = MatcherWriter.capitalize(route.httpMethod().toLowerCase(Locale.ROOT));
        return members.newName(sameHandler ? plain + method
                : RouterWriter.decapitalize(route.handler().type().simpleName()) + MatcherWriter.capitalize(plain));
    }

    private MethodSpec requestMethod(String name, RouteModel route, List<ParameterSpec> parameters,
                                     NameAllocator locals) {
        String target = locals.newName("target");
        String request = locals.newName("request");
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .returns(RuntimeTypes.EXCHANGE)
                .addParameters(parameters)
                .addStatement("$T $N = new $T()", StringBuilder.class, target, StringBuilder.class);
        for (CodeBlock part : pathParts(route, locals)) {
            method.addStatement("$N.append($L)", target, part);
        }
        for (ParamModel param : route.params()) {
            if (param instanceof ParamModel.Named named && named.source() == ParamModel.Source.QUERY) {
                String local = locals.get(param);
                if (named.arity() == ParamModel.Arity.ONE && !named.type().isPrimitive()) {
                    method.beginControlFlow("if ($N != null)", local);
                }
                method.addStatement("$T.query($N, $S, $N)", RuntimeTypes.TARGETS, target, named.key(), local);
                if (named.arity() == ParamModel.Arity.ONE && !named.type().isPrimitive()) {
                    method.endControlFlow();
                }
            }
        }
        method.addStatement("$T $N = binding.request($S, $N.toString())", RuntimeTypes.EXCHANGE.nestedClass("Builder"),
                request, route.httpMethod(), target);
        produces(route).ifPresent(accept -> method.addStatement("$N.setHeader($S, $S)", request, "Accept", accept));
        for (ParamModel param : route.params()) {
            String local = locals.get(param);
            switch (param) {
                case ParamModel.Named named when named.header() -> {
                    if (named.many()) {
                        method.addStatement("$T.headers($N, $S, $N)", RuntimeTypes.TARGETS, request, named.key(), local);
                    } else if (named.optional()) {
                        method.addStatement("$N.ifPresent(value -> $N.setHeader($S, $T.text(value)))", local, request,
                                named.key(), RuntimeTypes.TARGETS);
                    } else if (named.type().isPrimitive()) {
                        method.addStatement("$N.setHeader($S, $T.text($N))", request, named.key(), RuntimeTypes.TARGETS, local);
                    } else {
                        method.beginControlFlow("if ($N != null)", local)
                                .addStatement("$N.setHeader($S, $T.text($N))", request, named.key(), RuntimeTypes.TARGETS,
                                        local)
                                .endControlFlow();
                    }
                }
                case ParamModel.Body body -> method.addStatement("$N.setHeader($S, $S).value($N)", request, "Content-Type",
                        switch (body.kind()) {
                            case JSON -> "application/json";
                            case TEXT -> "text/plain; charset=utf-8";
                            case BYTES -> "application/octet-stream";
                        }, local);
                default -> {
                }
            }
        }
        fields(route, ParamModel.Source.COOKIE, locals, method).ifPresent(cookies -> method
                .beginControlFlow("if (!$N.isEmpty())", cookies)
                .addStatement("$N.setHeader($S, $N.toString())", request, "Cookie", cookies)
                .endControlFlow());
        fields(route, ParamModel.Source.FORM, locals, method).ifPresent(form -> method
                .addStatement("$N.setHeader($S, $S).body($N.toString())", request, "Content-Type",
                        "application/x-www-form-urlencoded", form));
        return method.addStatement("return $N.build()", request).build();
    }

    /**
     * The statements that write the route's cookies ({@code source} COOKIE, as {@code a=1; b=2}) or
     * form fields (FORM, url-encoded) into a new local, added to {@code method}; that local's name,
     * or empty when the route has none.
     */
    private Optional<String> fields(RouteModel route, ParamModel.Source source, NameAllocator locals,
                                    MethodSpec.Builder method) {
        String local = null;
        for (ParamModel param : route.params()) {
            List<ParamModel.Named> fields = switch (param) {
                case ParamModel.Named named when named.source() == source -> List.of(named);
                case ParamModel.FormRecord record when source == ParamModel.Source.FORM -> record.fields();
                default -> List.of();
            };
            for (ParamModel.Named field : fields) {
                if (local == null) {
                    local = locals.newName(source == ParamModel.Source.FORM ? "form" : "cookies");
                    method.addStatement("$T $N = new $T()", StringBuilder.class, local, StringBuilder.class);
                }
                CodeBlock value = param instanceof ParamModel.FormRecord
                        ? CodeBlock.of("$N.$N()", locals.get(param), field.name())
                        : CodeBlock.of("$N", locals.get(param));
                method.addStatement("$T.$N($N, $S, $L)", RuntimeTypes.TARGETS,
                        source == ParamModel.Source.FORM ? "form" : "cookie", local, field.key(), value);
            }
        }
        return Optional.ofNullable(local);
    }

    /** The target's path: literal parts as constants, each path parameter encoded at run time. */
    private List<CodeBlock> pathParts(RouteModel route, NameAllocator locals) {
        List<CodeBlock> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        String source = route.template().source();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf('{', at);
            if (open < 0) {
                literal.append(encodeLiteral(source.substring(at)));
                break;
            }
            literal.append(encodeLiteral(source.substring(at, open)));
            int close = source.indexOf('}', open);
            String param = source.substring(open + 1, close);
            boolean catchAll = param.startsWith("*");
            String paramName = catchAll ? param.substring(1) : param;
            if (!literal.isEmpty()) {
                parts.add(CodeBlock.of("$S", literal.toString()));
                literal.setLength(0);
            }
            ParamModel bound = route.params().stream().filter(p -> p instanceof ParamModel.Path path
                    && path.name().equals(paramName)).findFirst().orElseThrow();
            parts.add(CodeBlock.of("$T.$N($N)", RuntimeTypes.TARGETS, catchAll ? "rest" : "segment", locals.get(bound)));
            at = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(CodeBlock.of("$S", literal.toString()));
        }
        return parts;
    }

    /** A template's literal text as a request path: {@code /} kept, everything outside the unreserved set encoded. */
    private static String encodeLiteral(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** The first media type the route produces, sent as {@code Accept}, when it declares any. */
    private static Optional<String> produces(RouteModel route) {
        for (List<MatchModel> clause : route.guard().clauses()) {
            for (MatchModel match : clause) {
                for (Condition condition : match.conditions()) {
                    if (!match.negate() && condition instanceof Condition.Produces produces
                            && !produces.types().isEmpty()) {
                        return Optional.of(produces.types().getFirst());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static TypeName parameterType(ParamModel param) {
        return switch (param) {
            case ParamModel.Path path -> path.type();
            case ParamModel.Named named -> InvokerWriter.namedType(named);
            case ParamModel.FormRecord record -> record.type();
            case ParamModel.Body body -> body.type();
            case ParamModel.Exchange exchange -> throw new IllegalStateException("a raw route has no typed binding");
            case ParamModel.Streamed streamed -> throw new IllegalStateException("a streamed route has no typed binding");
        };
    }

    /** What the typed method returns ({@code Void} for {@code void}). */
    private static TypeName valueType(RouteModel route) {
        return switch (route.result()) {
            case VOID -> ClassName.get(Void.class);
            case TEXT -> ClassName.get(String.class);
            case BYTES, RESPONSE, STREAM, WRITER -> ArrayTypeName.of(TypeName.BYTE);
            case OPTIONAL -> ParameterizedTypeName.get(ClassName.get(Optional.class), element(route.valueType()));
            case JSON -> route.valueType().box();
        };
    }

    private static CodeBlock reply(RouteModel route) {
        return switch (route.result()) {
            case VOID -> CodeBlock.of("$T.none()", RuntimeTypes.REPLY);
            case TEXT -> CodeBlock.of("$T.text()", RuntimeTypes.REPLY);
            case BYTES, RESPONSE, STREAM, WRITER -> CodeBlock.of("$T.bytes()", RuntimeTypes.REPLY);
            case OPTIONAL -> CodeBlock.of("$T.optional($L)", RuntimeTypes.REPLY, typeToken(element(route.valueType())));
            case JSON -> CodeBlock.of("$T.json($L)", RuntimeTypes.REPLY, typeToken(route.valueType().box()));
        };
    }

    /** The {@code T} of a route's {@code Optional<T>} result. */
    private static TypeName element(TypeName optional) {
        return optional instanceof ParameterizedTypeName parameterized
                && parameterized.rawType().equals(ClassName.get(Optional.class))
                ? parameterized.typeArguments().getFirst().box() : optional.box();
    }

    /** {@code Foo.class}, or an anonymous {@code GenericType<List<Foo>>} where a class literal cannot say it. */
    private static CodeBlock typeToken(TypeName type) {
        if (type instanceof ClassName) {
            return CodeBlock.of("$T.class", type);
        }
        return CodeBlock.of("$L", TypeSpec.anonymousClassBuilder("")
                .superclass(ParameterizedTypeName.get(RuntimeTypes.GENERIC_TYPE, type)).build());
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
