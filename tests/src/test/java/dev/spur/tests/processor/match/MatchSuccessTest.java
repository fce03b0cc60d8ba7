package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;

import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Correct {@code @Match} and {@code @Hijack} use compiles without a single warning, and so does
 * the router generated for it (compiled again on its own under {@code -Xlint:all -Werror}).
 */
class MatchSuccessTest {

    @Test
    void everyConditionKindCompilesWarningFree() throws IOException {
        JavaFileObject source = source("test.Kinds", """
                package test;

                import dev.spur.Body;
                import dev.spur.Match;
                import dev.spur.Route;
                import dev.spur.runtime.RequestMatcher;
                import io.helidon.webserver.http.ServerRequest;

                public class Kinds {
                    @Route(path = "/host")
                    @Match(host = "API.example.com.")
                    public String host() { return "host"; }

                    @Route(path = "/tenant")
                    @Match(host = "*.tenants.example")
                    public String tenant() { return "tenant"; }

                    @Route(path = "/header")
                    @Match(header = {"X-Debug", "X-Api-Version = 2"})
                    public String header() { return "header"; }

                    @Route(path = "/query")
                    @Match(query = {"debug", "format=csv", "empty="})
                    public String query() { return "query"; }

                    @Route(method = "PUT", path = "/consumes")
                    @Match(consumes = {"application/json", "text/*", "application/*+json", "*/*; q=1",
                            "Text/Plain; Charset=UTF-8"})
                    public String consumes(@Body String body) { return body; }

                    @Route(path = "/produces")
                    @Match(produces = {"application/json", "text/plain;charset=utf-8", "application/vnd.spur+json"})
                    public String produces() { return "produces"; }

                    @Route(path = "/scheme")
                    @Match(scheme = "HTTPS")
                    public String scheme() { return "scheme"; }

                    @Route(path = "/version")
                    @Match(version = "1.0")
                    @Match(version = "1.1")
                    @Match(version = "2")
                    public String version() { return "version"; }

                    @Route(path = "/port")
                    @Match(port = 65535)
                    public String port() { return "port"; }

                    @Route(path = "/listener")
                    @Match(listener = "@default")
                    public String listener() { return "listener"; }

                    @Route(path = "/remote")
                    @Match(remote = {"10.0.0.0/8", "192.168.1.1", "0.0.0.0/0", "::1/128", "fd00::/8",
                            "2001:db8::/32", "::/0"})
                    public String remote() { return "remote"; }

                    @Route(path = "/custom")
                    @Match(custom = Canary.class)
                    public String custom() { return "custom"; }

                    @Route(path = "/all")
                    @Match(host = "all.example", header = "X-All", query = "all", produces = "text/plain",
                            scheme = "http", version = "1.1", port = 8080, listener = "@default",
                            remote = "127.0.0.0/8", custom = Canary.class)
                    public String all() { return "all"; }

                    /** A custom matcher: a public class with a public no-argument constructor. */
                    public static final class Canary implements RequestMatcher {
                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return request.headers().contains(io.helidon.http.HeaderNames.create("X-Canary"));
                        }
                    }
                }
                """);

        assertWarningFreeRouter("test.SpurRouter", source);
        Compilation compilation = compileLinted(source);
        String table = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/spur/test.SpurRouter.routes")
                .orElseThrow().getCharContent(false).toString();
        assertEquals(List.of("GET /host", "GET /tenant", "GET /header", "GET /query", "PUT /consumes",
                "GET /produces", "GET /scheme", "GET /version", "GET /port", "GET /listener", "GET /remote",
                "GET /custom", "GET /all"), table.lines().skip(1).map(line -> {
                    String[] columns = line.split("\t");
                    return columns[0] + " " + columns[1];
                }).toList());
    }

    @Test
    void repeatedMatchesAndNegationCompileWarningFree() {
        JavaFileObject source = source("test.Either", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Either {
                    @Route(path = "/either")
                    @Match(header = "X-A")
                    @Match(query = "b")
                    @Match(host = "c.example", negate = true)
                    public String either() {
                        return "either";
                    }

                    @Route(path = "/public")
                    @Match(remote = {"10.0.0.0/8", "fd00::/8"}, negate = true)
                    public String publicOnly() {
                        return "public";
                    }

                    @Route(path = "/public")
                    public String everyoneElse() {
                        return "internal";
                    }
                }
                """);

        String router = assertWarningFreeRouter("test.SpurRouter", source);

        assertTrue(router.contains("either()"), router);
        assertTrue(router.contains("everyoneElse()"), router);
    }

    @Test
    void classLevelAndMethodLevelMatchesCompileWarningFree() {
        JavaFileObject source = source("test.Tenants", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Route(path = "/api")
                @Match(host = "*.tenants.example")
                @Match(header = "X-Tenant")
                public class Tenants {
                    @Route(path = "/users")
                    @Match(host = "acme.tenants.example", produces = "application/json")
                    public String users() {
                        return "[]";
                    }

                    @Route(path = "/users")
                    @Match(header = "X-Tenant=acme", negate = true)
                    public String others() {
                        return "others";
                    }

                    @Route(path = "/health")
                    public String health() {
                        return "up";
                    }
                }
                """);

        String router = assertWarningFreeRouter("test.SpurRouter", source);

        assertTrue(router.contains("users()") && router.contains("others()") && router.contains("health()"), router);
    }

    @Test
    void hijacksAreTriedByOrderThenNameAndAFirewallNeedsNoRoutes() {
        JavaFileObject api = source("test.Api", """
                package test;

                import dev.spur.Route;

                public class Api {
                    @Route(path = "/items")
                    public String items() {
                        return "items";
                    }
                }
                """);
        JavaFileObject admin = source("test.Admin", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Route(path = "/admin")
                @Hijack(value = {@Match(listener = "admin"), @Match(port = 9090)}, order = 2)
                public class Admin {
                    @Route(path = "/status")
                    public String status() {
                        return "up";
                    }

                    @Route(method = "POST", path = "/drain")
                    @Match(remote = "127.0.0.0/8")
                    public void drain() {
                    }
                }
                """);
        JavaFileObject wall = source("test.Wall", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                /** A firewall: every request from outside the private networks gets this class's own 404. */
                @Hijack(value = @Match(remote = {"10.0.0.0/8", "127.0.0.0/8", "::1/128"}, negate = true), order = -5)
                public class Wall {
                }
                """);
        JavaFileObject echo = source("test.Echo", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(host = "echo.example"))
                public class Echo {
                    @Route(path = "/{*rest}")
                    public String echo(String rest) {
                        return rest;
                    }
                }
                """);

        String router = assertWarningFreeRouter("test.SpurRouter", api, admin, wall, echo);

        int wallAt = router.indexOf("hijackedByWall(exchange)");
        int echoAt = router.indexOf("hijackedByEcho(exchange)");
        int adminAt = router.indexOf("hijackedByAdmin(exchange)");
        assertTrue(wallAt >= 0 && wallAt < echoAt && echoAt < adminAt,
                "hijacks must be tried Wall (order -5), Echo (0), Admin (2):\n" + router);
    }

    @Test
    void aFirewallAloneIsARouter() {
        JavaFileObject wall = source("test.Wall", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                @Hijack(@Match(remote = "192.0.2.0/24"))
                public class Wall {
                }
                """);

        String router = assertWarningFreeRouter("test.SpurRouter", wall);

        assertTrue(router.contains("hijackedByWall(exchange)"), router);
    }
}
