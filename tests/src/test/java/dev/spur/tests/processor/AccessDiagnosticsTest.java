package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A handler class or method that the generated router cannot call is a compile error on that
 * class or method.
 */
class AccessDiagnosticsTest {

    /** Puts the router in another package than the handlers. */
    private static final List<String> ROUTER_ELSEWHERE = List.of("-Aspur.router=web.Router");

    @Test
    void privateTypeArgumentOfABodyIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Body;
                import dev.spur.Route;
                import java.util.List;

                public class Handlers {
                    private record PrivR(String name) {
                    }

                    @Route(method = Route.POST, path = "/items")
                    public String add(@Body List<PrivR> items) {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Parameter 'items' of add()",
                "its type java.util.List<app.Handlers.PrivR> uses app.Handlers.PrivR, which is private; make it public"),
                source, 12);
    }

    @Test
    void packagePrivateReturnTypeWithRouterInAnotherPackageIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;
                import java.util.Optional;

                public class Handlers {
                    record Item(String name) {
                    }

                    @Route(path = "/item")
                    public Optional<Item> item() {
                        return Optional.empty();
                    }
                }
                """);
        assertOnlyError(compile(ROUTER_ELSEWHERE, source), Diagnostic.INACCESSIBLE.format("Handler method item()",
                "its return type java.util.Optional<app.Handlers.Item> uses app.Handlers.Item, which is not public and "
                        + "the router is generated in package 'web'; make it public"), source, 11);
    }

    @Test
    void privateHandlerMethodIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/secret")
                    private String secret() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Handler method secret()",
                "it is private; make it public"), source, 7);
    }

    @Test
    void packagePrivateMethodWithRouterInAnotherPackageIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/internal")
                    String internal() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(ROUTER_ELSEWHERE, source), Diagnostic.INACCESSIBLE.format("Handler method internal()",
                "it is not public and the router is generated in package 'web'; make it public"), source, 7);
    }

    @Test
    void genericHandlerMethodIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/any")
                    public <T> String any() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Handler method any()",
                "generic handler methods are not supported"), source, 7);
    }

    @Test
    void privateNestedHandlerClassIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Outer", """
                package app;

                import dev.spur.Route;

                public class Outer {
                    private static class Hidden {
                        @Route(path = "/hidden")
                        public String hidden() {
                            return "x";
                        }
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Handler class Hidden",
                "Hidden is private; make it public"), source, 6);
    }

    @Test
    void nonStaticInnerHandlerClassIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Outer", """
                package app;

                import dev.spur.Route;

                public class Outer {
                    public class Inner {
                        @Route(path = "/inner")
                        public String inner() {
                            return "x";
                        }
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Handler class Inner",
                "Inner is an inner class; make it static"), source, 6);
    }

    @Test
    void packagePrivateClassWithRouterInAnotherPackageIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                class Handlers {
                    @Route(path = "/items")
                    public String items() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(ROUTER_ELSEWHERE, source), Diagnostic.INACCESSIBLE.format("Handler class Handlers",
                "Handlers is not public and the router is generated in package 'web'; make it public"), source, 5);
    }

    @Test
    void publicClassNestedInPackagePrivateClassIsInaccessibleNamingTheOuterClass() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Outer", """
                package app;

                import dev.spur.Route;

                class Outer {
                    public static class Api {
                        @Route(path = "/api")
                        public String api() {
                            return "x";
                        }
                    }
                }
                """);
        assertOnlyError(compile(ROUTER_ELSEWHERE, source), Diagnostic.INACCESSIBLE.format("Handler class Api",
                "Outer is not public and the router is generated in package 'web'; make it public"), source, 6);
    }

    @Test
    void genericHandlerClassIsInaccessible() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers<T> {
                    @Route(path = "/items")
                    public String items() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.INACCESSIBLE.format("Handler class Handlers",
                "generic handler classes are not supported"), source, 5);
    }
}
