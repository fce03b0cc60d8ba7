package dev.spur.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.Guard;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.MatchModel;
import dev.spur.processor.model.ResultKind;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.parse.Annotations;
import dev.spur.processor.parse.TemplateParser;
import dev.spur.processor.parse.TemplateParser.TemplateException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/**
 * {@link DuplicateRoutes#check}: routes that match the same requests (same method, same template
 * shape, same canonical guard, same hijack) are reported on the later one, naming both; anything
 * else passes silently. The handler-method elements a report is anchored to are tiny proxies (no
 * javac runs): {@code DuplicateRoutes} reads only their {@code @Route} mirror.
 */
class DuplicateRoutesTest {

    private static final HandlerModel USERS = new HandlerModel(ClassName.get("app", "Users"), "users", true);
    private static final HandlerModel ADMIN = new HandlerModel(ClassName.get("app", "Admin"), "admin", true);

    /** One message the reporter printed. */
    private record Printed(Kind kind, String message, Element element, AnnotationMirror annotation,
                           AnnotationValue value) {
    }

    /** A messager that records what it is given. */
    private static final class RecordingMessager implements Messager {
        final List<Printed> printed = new ArrayList<>();

        @Override
        public void printMessage(Kind kind, CharSequence msg) {
            printed.add(new Printed(kind, msg.toString(), null, null, null));
        }

        @Override
        public void printMessage(Kind kind, CharSequence msg, Element e) {
            printed.add(new Printed(kind, msg.toString(), e, null, null));
        }

        @Override
        public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            printed.add(new Printed(kind, msg.toString(), e, a, null));
        }

        @Override
        public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
            printed.add(new Printed(kind, msg.toString(), e, a, v));
        }
    }

    private final RecordingMessager messager = new RecordingMessager();
    private final Reporter reporter = new Reporter(messager);

    /** A proxy of {@code type} answering {@code toString} with {@code label} and the given methods. */
    private static <T> T fake(Class<T> type, String label, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(DuplicateRoutesTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> label;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (!answers.containsKey(method.getName())) {
                            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                        }
                        yield answers.get(method.getName());
                    }
                }));
    }

    /** A {@link Name} holding {@code text}. */
    private static Name name(String text) {
        return (Name) Proxy.newProxyInstance(DuplicateRoutesTest.class.getClassLoader(), new Class<?>[] {Name.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "contentEquals" -> text.contentEquals((CharSequence) args[0]);
                    case "toString" -> text;
                    case "length" -> text.length();
                    case "charAt" -> text.charAt((Integer) args[0]);
                    case "subSequence" -> text.subSequence((Integer) args[0], (Integer) args[1]);
                    case "hashCode" -> text.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("Name." + method.getName());
                });
    }

    /** A handler method carrying a bare {@code @Route} (no explicit value). */
    private static ExecutableElement method(String label) {
        TypeElement routeType = fake(TypeElement.class, "dev.spur.Route",
                Map.of("getQualifiedName", name(Annotations.ROUTE)));
        DeclaredType routeDeclared = fake(DeclaredType.class, "dev.spur.Route", Map.of("asElement", routeType));
        AnnotationMirror route = fake(AnnotationMirror.class, "@Route on " + label,
                Map.of("getAnnotationType", routeDeclared, "getElementValues", Map.of()));
        return fake(ExecutableElement.class, label, Map.of("getAnnotationMirrors", List.of(route)));
    }

    private static RouteModel route(String httpMethod, String template, HandlerModel handler, String handlerMethod,
                                    Guard guard, HijackModel hijack) {
        try {
            return new RouteModel(httpMethod, TemplateParser.parse(template), handler, handlerMethod, false,
                    List.of(), ResultKind.TEXT, ClassName.get(String.class), guard, hijack, method(handlerMethod));
        } catch (TemplateException e) {
            throw new AssertionError(e);
        }
    }

    private static RouteModel route(String httpMethod, String template, String handlerMethod) {
        return route(httpMethod, template, USERS, handlerMethod, Guard.ALWAYS, null);
    }

    private static Guard guard(Condition... conditions) {
        return new Guard(List.of(List.of(new MatchModel(List.of(conditions), false))));
    }

    @Test
    void distinctRoutesPassWithoutAnyMessage() {
        HijackModel preview = new HijackModel(ClassName.get("app", "Preview"), 0, guard(new Condition.Port(1)), null);
        HijackModel beta = new HijackModel(ClassName.get("app", "Beta"), 1, guard(new Condition.Port(2)), null);
        List<RouteModel> routes = List.of(
                route("GET", "/users/{id}", "get"),
                route("PUT", "/users/{id}", "put"),
                route("GET", "/users/{id}/orders", "orders"),
                route("GET", "/users/me", "me"),
                route("GET", "/users/{*rest}", "rest"),
                route("GET", "/users/{id}", USERS, "v2", guard(new Condition.Header("x-v", "2")), null),
                route("GET", "/users/{id}", USERS, "v3", guard(new Condition.Header("x-v", "3")), null),
                route("GET", "/users/{id}", USERS, "preview", Guard.ALWAYS, preview),
                route("GET", "/users/{id}", USERS, "beta", Guard.ALWAYS, beta));

        assertTrue(DuplicateRoutes.check(routes, reporter));
        assertEquals(List.of(), messager.printed);
        assertEquals(0, reporter.errorCount());
    }

    @Test
    void routesDifferingOnlyInParameterNamesAreDuplicates() {
        RouteModel first = route("GET", "/users/{id}", "get");
        RouteModel second = route("GET", "/users/{name}", ADMIN, "byName", Guard.ALWAYS, null);

        assertFalse(DuplicateRoutes.check(List.of(first, second), reporter));

        assertEquals(1, reporter.errorCount());
        assertEquals(1, messager.printed.size());
        Printed error = messager.printed.getFirst();
        assertEquals(Kind.ERROR, error.kind());
        assertEquals("[Route/Duplicate] Route GET /users/{name} of Admin.byName conflicts with route GET /users/{id} "
                + "of Users.get: both match the same requests; change the path or the method of one", error.message());
        // reported on the later route, on its @Route, with no value to point at (path was not written)
        assertSame(second.origin(), error.element());
        assertEquals("@Route on byName", error.annotation().toString());
        assertNull(error.value());
    }

    @Test
    void equivalentGuardsWrittenInAnotherOrderAreDuplicates() {
        Condition host = new Condition.Host("a.example", false);
        Condition header = new Condition.Header("X-V", "2");
        RouteModel first = route("GET", "/users", USERS, "list", guard(host, header), null);
        // the same conditions split over class and method, in the other order, header name in other case
        RouteModel second = route("GET", "/users", USERS, "listAgain", new Guard(List.of(
                List.of(new MatchModel(List.of(new Condition.Header("x-v", "2")), false)),
                List.of(new MatchModel(List.of(host), false)))), null);

        assertFalse(DuplicateRoutes.check(List.of(first, second), reporter));
        assertEquals(1, reporter.errorCount());
        assertSame(second.origin(), messager.printed.getFirst().element());
    }

    @Test
    void sameRouteInTheSameHijackIsADuplicate() {
        HijackModel preview = new HijackModel(ClassName.get("app", "Preview"), 0, guard(new Condition.Port(1)), null);

        assertFalse(DuplicateRoutes.check(List.of(
                route("GET", "/", USERS, "home", Guard.ALWAYS, preview),
                route("GET", "/", ADMIN, "start", Guard.ALWAYS, preview)), reporter));
        assertEquals(1, reporter.errorCount());
    }

    @Test
    void everyLaterDuplicateIsReportedAgainstTheFirst() {
        List<RouteModel> routes = List.of(
                route("POST", "/orders", "create"),
                route("POST", "/orders", "createAgain"),
                route("GET", "/orders", "list"),
                route("POST", "/orders", "createOnceMore"));

        assertFalse(DuplicateRoutes.check(routes, reporter));

        assertEquals(2, reporter.errorCount());
        assertEquals(List.of(routes.get(1).origin(), routes.get(3).origin()),
                messager.printed.stream().map(Printed::element).toList());
        messager.printed.forEach(p -> assertTrue(p.message().endsWith("conflicts with route POST /orders of "
                + "Users.create: both match the same requests; change the path or the method of one"), p.message()));
    }
}
