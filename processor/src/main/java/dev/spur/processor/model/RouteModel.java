package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * One route: method, template, the handler method it calls, how its parameters and result are
 * bound, the conditions it needs ({@link Guard#ALWAYS} for none) and the hijack it belongs to
 * (null for a normal route). {@code origin} is the handler method, kept only to anchor diagnostics and as the
 * generated file's originating element. {@code layers} are the route's class and method layers,
 * outermost first (the application's are the router's).
 */
public record RouteModel(String httpMethod, PathTemplate template, HandlerModel handler, String handlerMethod,
                         boolean isStatic, List<ParamModel> params, ResultKind result, TypeName resultType,
                         Guard guard, HijackModel hijack, Element origin, List<ClassName> layers) {

    /** Copies the parameters and layers. */
    public RouteModel {
        params = List.copyOf(params);
        layers = List.copyOf(layers);
    }

    /** A route without layers of its own. */
    public RouteModel(String httpMethod, PathTemplate template, HandlerModel handler, String handlerMethod,
                      boolean isStatic, List<ParamModel> params, ResultKind result,
                      TypeName resultType, Guard guard, HijackModel hijack, Element origin) {
        this(httpMethod, template, handler, handlerMethod, isStatic, params, result, resultType,
                guard, hijack, origin, List.of());
    }

    /** The result types a handler may return to answer later; the router waits for them. */
    private static final List<ClassName> ASYNC = List.of(ClassName.get("java.util.concurrent", "CompletionStage"),
            ClassName.get("java.util.concurrent", "CompletableFuture"));

    /** Whether the handler returns a {@code CompletionStage<T>} (or {@code CompletableFuture<T>}) that the router awaits. */
    public boolean isAsync() {
        return resultType instanceof com.palantir.javapoet.ParameterizedTypeName parameterized
                && ASYNC.contains(parameterized.rawType());
    }

    /** The type of the value that is answered: the {@code T} of an async result, else the result type. */
    public TypeName valueType() {
        return isAsync() ? ((com.palantir.javapoet.ParameterizedTypeName) resultType).typeArguments().getFirst()
                : resultType;
    }

    /** {@code GET /users/{id}}, for messages and comments. */
    public String describe() {
        return httpMethod + " " + template.source();
    }

    /** {@code UserHandlers.get}, for messages and comments. */
    public String handlerName() {
        return handler.type().simpleName() + "." + handlerMethod;
    }
}
