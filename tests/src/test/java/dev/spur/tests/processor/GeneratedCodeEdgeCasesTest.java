package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Inputs that stress the code generator (every supported type, name clashes, odd literals, large
 * route sets) still give a router that compiles under {@code -Xlint:all -Werror}.
 */
class GeneratedCodeEdgeCasesTest {

    @Test
    void everySupportedParameterAndResultTypeCompiles() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Types", """
                package app;

                import dev.spur.Body;
                import dev.spur.Header;
                import dev.spur.Query;
                import dev.spur.Route;
                import dev.spur.runtime.Response;
                import java.util.List;
                import java.util.Optional;
                import java.util.UUID;

                public class Types {
                    public enum Kind { SMALL, LARGE }

                    public record Item(String name, Kind kind) {
                    }

                    @Route(path = "/p/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}/{j}/{k}")
                    public String path(int a, Integer b, long c, Long d, double e, Double f, boolean g, Boolean h,
                                       UUID i, Kind j, String k) {
                        return "" + a + b + c + d + e + f + g + h + i + j + k;
                    }

                    @Route(path = "/q")
                    public Optional<Item> query(@Query Optional<Integer> a, @Query Optional<Long> b,
                                                @Query Optional<Double> c, @Query Optional<Boolean> d,
                                                @Query Optional<UUID> e, @Query Optional<Kind> f,
                                                @Query Optional<String> g, @Query("h-name") String h,
                                                @Query(defaultValue = "1.5") double i,
                                                @Query(defaultValue = "true") boolean j,
                                                @Query(defaultValue = "large") Kind k) {
                        return Optional.empty();
                    }

                    @Route(path = "/h")
                    public Item headers(@Header("X-A") int a, @Header(value = "x-a") Optional<Integer> sameHeader,
                                        @Header("X.A") String similarName,
                                        @Header(value = "X-Id", defaultValue = "123e4567-e89b-12d3-a456-426614174000")
                                        UUID id) {
                        return new Item(similarName, Kind.SMALL);
                    }

                    @Route(method = Route.POST, path = "/text")
                    public byte[] text(@Body String body) {
                        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }

                    @Route(method = Route.POST, path = "/bytes")
                    public Response bytes(@Body byte[] body) {
                        return Response.of(201, body);
                    }

                    @Route(method = Route.POST, path = "/items")
                    public List<Item> items(@Body List<Item> items) {
                        return items;
                    }

                    @Route(method = Route.PATCH, path = "/names/{request}/{response}/{path}")
                    public void clashingNames(String request, String response, String path, @Query String value) {
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);

        assertTrue(router.contains("GenericType<List<Types.Item>>"), router);
    }

    @Test
    void handlerClassesNamedLikeGeneratedOrRuntimeTypesCompile() {
        JavaFileObject builder = handler("app.Builder", "/builder");
        JavaFileObject router = handler("app.Router", "/router");
        JavaFileObject routes = handler("app.RouteInfo", "/route-info");
        JavaFileObject list = handler("app.List", "/list");

        assertWarningFreeRouter("app.SpurRouter", builder, router, routes, list);
    }

    @Test
    void handlerClassesWithOneSimpleNameInTwoPackagesCompile() {
        JavaFileObject first = handler("shop.users.Handlers", "/users");
        JavaFileObject second = handler("shop.orders.Handlers", "/orders");

        assertWarningFreeRouter("shop.SpurRouter", first, second);
    }

    @Test
    void nestedRecordAndInterfaceHandlersCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Api", """
                package app;

                import dev.spur.Route;

                public class Api {
                    public static class Nested {
                        @Route(path = "/nested")
                        public String nested() {
                            return "nested";
                        }
                    }

                    public record Greeter(String greeting) {
                        @Route(path = "/greet/{name}")
                        public String greet(String name) {
                            return greeting + name;
                        }
                    }

                    public interface Contract {
                        @Route(path = "/contract")
                        String contract();
                    }
                }
                """);
        assertWarningFreeRouter("app.SpurRouter", source);
    }

    @Test
    void unusualMethodsAndRootRoutesCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Methods", """
                package app;

                import dev.spur.Route;

                public class Methods {
                    @Route(path = "/")
                    public String root() {
                        return "root";
                    }

                    @Route(path = "/{*all}")
                    public String all(String all) {
                        return all;
                    }

                    @Route(method = Route.HEAD, path = "/")
                    public void head() {
                    }

                    @Route(method = Route.OPTIONS, path = "/{*all}")
                    public void options(String all) {
                    }

                    @Route(method = "PURGE", path = "/cache/{key}")
                    public void purge(String key) {
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);

        assertTrue(router.contains("case \"PURGE\" ->"), router);
    }

    @Test
    void literalsWithCharactersSpecialToJavaCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Odd", """
                package app;

                import dev.spur.Route;

                public class Odd {
                    @Route(path = "/a*/b")
                    public String comment() {
                        return "";
                    }

                    @Route(path = "/q\\"uote/back\\\\slash/@at/100%/sp ace/caf\u00e9/\u00e8/'")
                    public String quoted() {
                        return "";
                    }

                    @Route(path = "/x/aa")
                    public String aa() {
                        return "";
                    }

                    @Route(path = "/x/a'")
                    public String apostrophe() {
                        return "";
                    }

                    @Route(path = "/x/a\\\\")
                    public String backslash() {
                        return "";
                    }

                    @Route(path = "/x/a\u00e9")
                    public String accent() {
                        return "";
                    }

                    @Route(path = "/x/a*")
                    public String star() {
                        return "";
                    }

                    @Route(path = "/x/a/")
                    public String slash() {
                        return "";
                    }
                }
                """);
        assertWarningFreeRouter("app.SpurRouter", source);
    }

    @Test
    void wideFanOutOfSameLengthLiteralsCompiles() {
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            methods.append("""
                        @Route(path = "/w/k%02d")
                        public String k%02d() {
                            return "";
                        }
                    """.formatted(i, i));
        }
        String router = assertWarningFreeRouter("app.SpurRouter", JavaFileObjects.forSourceString("app.Wide", """
                package app;

                import dev.spur.Route;

                public class Wide {
                %s}
                """.formatted(methods)));

        assertTrue(router.contains("switch (path.charAt(start + "), router);
    }

    @Test
    void moreRoutesThanOneDispatchMethodHoldsCompile() {
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            methods.append("""
                        @Route(path = "/r%d/{id}")
                        public static String r%d(long id) {
                            return "";
                        }
                    """.formatted(i, i));
        }
        String router = assertWarningFreeRouter("app.SpurRouter", JavaFileObjects.forSourceString("app.Many", """
                package app;

                import dev.spur.Route;

                public final class Many {
                %s}
                """.formatted(methods)));

        assertTrue(router.contains("private void dispatch400("), router);
        assertTrue(router.contains("private static void addRoutes400("), router);
    }

    /** A handler class {@code qualifiedName} with one GET route at {@code path}. */
    private static JavaFileObject handler(String qualifiedName, String path) {
        int dot = qualifiedName.lastIndexOf('.');
        return JavaFileObjects.forSourceString(qualifiedName, """
                package %s;

                import dev.spur.Route;

                public class %s {
                    @Route(path = "%s")
                    public String get() {
                        return "%s";
                    }
                }
                """.formatted(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1), path, path));
    }
}
