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

    /** {@code GET /users/{id}}, for messages and comments. */
    public String describe() {
        return httpMethod + " " + template.source();
    }

    /** {@code UserHandlers.get}, for messages and comments. */
    public String handlerName() {
        return handler.type().simpleName() + "." + handlerMethod;
    }
}
