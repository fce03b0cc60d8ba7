package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for handler classes a fuzzer found (issue 14): valid inputs whose router once
 * did not compile. Each must now give a router that compiles under {@code -Xlint:all -Werror}.
 */
class HardenedGenerationTest {

    @Test
    void handlersWithAnyThrowsClauseCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Throwing", """
                package app;

                import dev.spur.Route;
                import java.io.IOException;

                public class Throwing {
                    public static final class Oddity extends Throwable {
                        private static final long serialVersionUID = 1L;
                    }

                    @Route(path = "/throwable/{e}")
                    public String throwable(String e) throws Throwable {
                        return e;
                    }

                    @Route(path = "/oddity")
                    public static void oddity() throws Oddity, IOException {
                    }

                    @Route(path = "/checked")
                    public String checked() throws IOException, Exception, Error, RuntimeException {
                        return "";
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        // whatever a handler throws, Throwable included, is caught and answered inside the chain
        assertTrue(router.contains("catch (Throwable thrown)"), router);
    }

    @Test
    void userTextWithLineSeparatorsAndUnicodeEscapesCompiles() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Texts", """
                package app;

                import dev.spur.Match;
                import dev.spur.Query;
                import dev.spur.Route;

                public class Texts {
                    @Route(path = "/a\u2028b/\\\\u000a/\\\\uZZZZ/*/@x")
                    @Match(query = "q=\u2029\\\\u000a", header = "X-A=\\\\u002a/")
                    public String texts(@Query(value = "w", defaultValue = "\u2028\\\\u0022") String w) {
                        return w;
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("\"/a\\u2028b/\\\\u000a/\\\\uZZZZ/*/@x\""), router);
    }

    /** Types that generated code names, or that Java names implicitly (java.lang). */
    private static final java.util.List<java.lang.String> SHADOWING = java.util.List.of("Override", "String",
            "Object", "List", "Optional", "Exception", "Error", "Throwable", "Integer", "Long", "Double", "Boolean",
            "IllegalStateException", "Objects", "ArrayList", "Generated", "SuppressWarnings", "Math", "UUID",
            "RequestPath", "Responses", "Params", "Bodies", "Conditions", "HeaderName", "HeaderNames", "MediaRange",
            "HttpProblem", "Allow", "ServerRequest", "ServerResponse", "GenericType", "UndeclaredThrowableException",
            "Character", "Void");

    @Test
    void aPackageFullOfTypesNamedLikeJavaLangAndRuntimeTypesCompiles() {
        java.util.List<JavaFileObject> sources = new java.util.ArrayList<>();
        for (java.lang.String name : SHADOWING) {
            sources.add(JavaFileObjects.forSourceString("app." + name, "package app;\n\npublic class " + name
                    + " {\n}\n"));
        }
        sources.add(JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Body;
                import dev.spur.Header;
                import dev.spur.Match;
                import dev.spur.Query;
                import dev.spur.Route;

                public class Handlers {
                    public enum Kind { A, B }

                    public record Item(java.lang.String name) {
                    }

                    @Route(path = "/a/{id}/{kind}")
                    public java.lang.String get(int id, Kind kind, @Query java.util.Optional<java.lang.Integer> n,
                                                @Header("X-Id") java.util.UUID xid) throws java.lang.Throwable {
                        return "";
                    }

                    @Route(method = Route.POST, path = "/b")
                    @Match(header = "X-A", consumes = "application/json", produces = "application/json")
                    public java.util.List<Item> list(@Body java.util.List<Item> items) {
                        return items;
                    }

                    @Route(method = Route.POST, path = "/c")
                    public void text(@Body java.lang.String body, @Query(defaultValue = "2") long page) {
                    }

                    @Route(path = "/d")
                    public java.util.Optional<Item> optional() {
                        return java.util.Optional.empty();
                    }
                }
                """));
        assertWarningFreeRouter("app.SpurRouter", sources.toArray(JavaFileObject[]::new));
    }

    @Test
    void aLowerCaseHandlerClassWithStaticRoutesCompiles() {
        assertWarningFreeRouter("app.SpurRouter", lowerCaseHandler(3));
    }

    @Test
    void aLowerCaseHandlerClassPastTheShardingThresholdCompiles() {
        String router = assertWarningFreeRouter("app.SpurRouter", lowerCaseHandler(1002));
        assertTrue(router.contains("class Invokers0"), "the router is sharded");
    }

    /** {@code app.h}: a static route, an instance route and {@code count} routes binding a local named {@code app}. */
    private static JavaFileObject lowerCaseHandler(int count) {
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < count; i++) {
            methods.append("""
                        @Route(path = "/r%d/{app}/{h}")
                        public static String r%d(String app, String h) {
                            return app + h;
                        }
                    """.formatted(i, i));
        }
        return JavaFileObjects.forSourceString("app.h", """
                package app;

                import dev.spur.Route;

                public class h {
                    @Route(path = "/instance/{h}")
                    public String instance(String h) {
                        return h;
                    }
                %s}
                """.formatted(methods));
    }

    @Test
    void genericAndRecordCustomMatchersCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Matchers", """
                package app;

                import dev.spur.Match;
                import dev.spur.Route;
                import dev.spur.runtime.RequestMatcher;
                import io.helidon.webserver.http.ServerRequest;

                public class Matchers {
                    public static class Gen<T> implements RequestMatcher {
                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }

                    public static class Pair<A extends Number, B> implements RequestMatcher {
                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }

                    public record Empty() implements RequestMatcher {
                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }

                    @Route(path = "/gen")
                    @Match(custom = Gen.class)
                    public String gen() {
                        return "";
                    }

                    @Route(path = "/pair")
                    @Match(custom = Pair.class)
                    public String pair() {
                        return "";
                    }

                    @Route(path = "/empty")
                    @Match(custom = Empty.class)
                    public String empty() {
                        return "";
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("new Matchers.Gen<>()"), router);
    }
}
