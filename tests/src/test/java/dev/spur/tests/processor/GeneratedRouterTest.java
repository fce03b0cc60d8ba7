package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.generatedSource;
import static dev.spur.tests.processor.Processing.routeTable;
import static dev.spur.tests.processor.Processing.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid handlers compile without warnings into a router, named and placed as configured, with its route table. */
class GeneratedRouterTest {

    private static final JavaFileObject PING = JavaFileObjects.forSourceString("app.Ping", """
            package app;

            import dev.spur.Route;

            public class Ping {
                @Route(path = "/ping")
                public String ping() {
                    return "pong";
                }
            }
            """);

    @Test
    void handlerGetsASpurRouterInItsPackageThatCreatesTheHandlerItself() {
        Compilation compilation = compileLinted(PING);

        assertThat(compilation).succeededWithoutWarnings();
        String router = generatedSource(compilation, "app.SpurRouter");
        assertTrue(router.contains("public final class SpurRouter implements Router {"), router);
        assertTrue(router.contains("public static SpurRouter create() {"), router);
        assertTrue(router.contains("this.ping.ping()"), router);
    }

    @Test
    void routerOptionNamesTheRouterAndItsRouteTable() {
        Compilation compilation = compile(List.of(Processing.LINT_ALL, "-Aspur.router=com.acme.web.ApiRouter"), PING);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.web.ApiRouter");
        assertTrue(compilation.generatedSourceFile("app.SpurRouter").isEmpty(), "default router written as well");
        assertEquals("# method\ttemplate\thandler\tconditions\thijack\tlayers\tservice\nGET\t/ping\tapp.Ping.ping\t-\t-\t-\tdefault (public)\n",
                text(routeTable(compilation, "com.acme.web.ApiRouter").orElseThrow()));
    }

    @Test
    void defaultRouterGoesToTheCommonPackageOfAllHandlers() {
        JavaFileObject users = JavaFileObjects.forSourceString("shop.users.Users", """
                package shop.users;

                import dev.spur.Route;

                public class Users {
                    @Route(path = "/users")
                    public String users() {
                        return "[]";
                    }
                }
                """);
        JavaFileObject orders = JavaFileObjects.forSourceString("shop.orders.Orders", """
                package shop.orders;

                import dev.spur.Route;

                public class Orders {
                    @Route(path = "/orders")
                    public String orders() {
                        return "[]";
                    }
                }
                """);
        Compilation compilation = compileLinted(users, orders);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.SpurRouter");
    }

    @Test
    void routeTableListsMethodTemplateAndHandlerOfEveryRoute() {
        Compilation compilation = compileLinted(ShopSources.all());

        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("""
                # method\ttemplate\thandler\tconditions\thijack\tlayers\tservice
                GET\t/health\tshop.HealthHandlers.health\t-\t-\t-\tdefault (public)
                GET\t/shop/\tshop.OrderHandlers.index\t-\t-\t-\tdefault (public)
                GET\t/shop/orders\tshop.OrderHandlers.list\t-\t-\t-\tdefault (public)
                GET\t/shop/orders/latest\tshop.OrderHandlers.latest\t-\t-\t-\tdefault (public)
                GET\t/shop/orders/{id}\tshop.OrderHandlers.get\t-\t-\t-\tdefault (public)
                POST\t/shop/orders\tshop.OrderHandlers.create\t-\t-\t-\tdefault (public)
                PUT\t/shop/orders/{id}/status/{status}\tshop.OrderHandlers.setStatus\t-\t-\t-\tdefault (public)
                DELETE\t/shop/orders/{id}\tshop.OrderHandlers.delete\t-\t-\t-\tdefault (public)
                GET\t/shop/customers/{customer}/orders/{number}\tshop.OrderHandlers.byNumber\t-\t-\t-\tdefault (public)
                GET\t/shop/files/{*path}\tshop.OrderHandlers.file\t-\t-\t-\tdefault (public)
                """, text(routeTable(compilation, ShopSources.ROUTER).orElseThrow()));
    }

    @Test
    void routesThatDifferOnlyInMethodSlashOrSegmentKindAreNoDuplicates() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Items", """
                package app;

                import dev.spur.Route;

                public class Items {
                    @Route(path = "/items/{id}")
                    public String get(String id) {
                        return id;
                    }

                    @Route(method = Route.PUT, path = "/items/{id}")
                    public void put(String id) {
                    }

                    @Route(method = Route.DELETE, path = "/items/{id}")
                    public void delete(String id) {
                    }

                    @Route(path = "/items/new")
                    public String form() {
                        return "form";
                    }

                    @Route(path = "/items/{*rest}")
                    public String rest(String rest) {
                        return rest;
                    }

                    @Route(path = "/docs")
                    public String docs() {
                        return "docs";
                    }

                    @Route(path = "/docs/")
                    public String docsIndex() {
                        return "index";
                    }
                }
                """);
        Compilation compilation = compileLinted(source);

        assertThat(compilation).succeededWithoutWarnings();
        String table = text(routeTable(compilation, "app.SpurRouter").orElseThrow());
        assertEquals(8, table.lines().count(), table);
    }

    @Test
    void staticRoutesOfAClassWithoutPublicConstructorNeedNoInstance() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Clock", """
                package app;

                import dev.spur.Route;

                public final class Clock {
                    private Clock() {
                    }

                    @Route(path = "/time")
                    public static String time() {
                        return "noon";
                    }
                }
                """);
        Compilation compilation = compileLinted(source);

        assertThat(compilation).succeededWithoutWarnings();
        String router = generatedSource(compilation, "app.SpurRouter");
        assertTrue(router.contains("Clock.time()"), router);
        assertFalse(router.contains("private final Clock"), router);
        assertTrue(router.contains("public static SpurRouter create() {"), router);
    }

    @Test
    void packagePrivateHandlerInTheRouterPackageIsCallable() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Internal", """
                package app;

                import dev.spur.Route;

                class Internal {
                    @Route(path = "/internal")
                    String internal() {
                        return "x";
                    }
                }
                """);
        Compilation compilation = compileLinted(source);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("app.SpurRouter");
    }

    @Test
    void helidonRequestAndResponseAreHandedToTheHandler() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Raw", """
                package app;

                import dev.spur.Route;
                import io.helidon.webserver.http.ServerRequest;
                import io.helidon.webserver.http.ServerResponse;

                public class Raw {
                    @Route(method = Route.POST, path = "/raw")
                    public void raw(ServerRequest request, ServerResponse response) {
                        response.send(request.path().rawPath());
                    }
                }
                """);
        Compilation compilation = compileLinted(source);

        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generatedSource(compilation, "app.SpurRouter").contains("this.raw.raw(Params.serverRequest(exchange), Params.serverResponse(exchange))"));
    }
}
