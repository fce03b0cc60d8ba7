package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.source;

import dev.spur.processor.Diagnostic;

import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditions that can never hold together, hijacks without or with the same matcher, and routes
 * that would match the same requests: each is one error on the right line; the look-alikes that
 * are fine compile.
 */
class MatchConflictDiagnosticsTest {

    /** A class-level {@code @Match(classConditions)} and a route with {@code @Match(methodConditions)} on line 9. */
    private static JavaFileObject classAndMethod(String classConditions, String methodConditions) {
        return source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(%s)
                public class Api {
                    @Route(path = "/a")
                    @Match(%s)
                    public String a() {
                        return "a";
                    }
                }
                """.formatted(classConditions, methodConditions));
    }

    static Stream<Arguments> excludingConditions() {
        return Stream.of(
                Arguments.of("host = \"a.example\"", "host = \"b.example\"", "host=a.example and host=b.example"),
                Arguments.of("port = 8080", "port = 9090", "port=8080 and port=9090"),
                Arguments.of("listener = \"admin\"", "listener = \"@default\"", "listener=admin and listener=@default"),
                Arguments.of("scheme = \"https\"", "scheme = \"http\"", "scheme=https and scheme=http"),
                Arguments.of("version = \"1.1\"", "version = \"2\"", "version=1.1 and version=2.0"),
                Arguments.of("query = \"format=csv\"", "query = \"format=json\"", "query=format=csv and query=format=json"),
                Arguments.of("header = \"X-Tenant=a\"", "header = \"x-tenant=b\"",
                        "header=x-tenant=a and header=x-tenant=b"),
                Arguments.of("host = \"*.example.com\"", "host = \"example.com\"",
                        "host=*.example.com and host=example.com"),
                Arguments.of("host = \"*.example.com\"", "host = \"api.example.org\"",
                        "host=*.example.com and host=api.example.org"),
                Arguments.of("host = \"*.a.example\"", "host = \"*.b.example\"", "host=*.a.example and host=*.b.example"));
    }

    @ParameterizedTest(name = "class @Match({0}), method @Match({1})")
    @MethodSource("excludingConditions")
    void classAndMethodConditionsThatExcludeEachOther(String classConditions, String methodConditions,
                                                      String conflict) {
        JavaFileObject source = classAndMethod(classConditions, methodConditions);

        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("a()", conflict), source, 9);
    }

    static Stream<Arguments> compatibleConditions() {
        return Stream.of(
                Arguments.of("host = \"*.example.com\"", "host = \"api.example.com\""),
                Arguments.of("host = \"*.example.com\"", "host = \"*.eu.example.com\""),
                Arguments.of("host = \"API.example.com\"", "host = \"api.example.com.\""),
                Arguments.of("port = 8080", "port = 8080, listener = \"@default\""),
                Arguments.of("version = \"2\"", "version = \"2.0\""),
                Arguments.of("header = \"X-Tenant=a\"", "header = \"X-Tenant\""),
                Arguments.of("header = \"X-Tenant=a\"", "header = \"X-Region=b\""),
                Arguments.of("host = \"a.example\"", "host = \"b.example\", negate = true"));
    }

    @ParameterizedTest(name = "class @Match({0}), method @Match({1})")
    @MethodSource("compatibleConditions")
    void classAndMethodConditionsThatCanHoldTogether(String classConditions, String methodConditions) {
        assertThat(compileLinted(classAndMethod(classConditions, methodConditions))).succeededWithoutWarnings();
    }

    @Test
    void oneHeaderWithTwoValuesInOneMatch() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(header = {"X=1", "X=2"})
                    public String a() {
                        return "a";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("a()", "header=x=1 and header=x=2"), source, 8);
    }

    @Test
    void classLevelConflictIsReportedOnTheRouteOfAMethodWithoutMatch() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(query = {"page=1", "page=2"})
                public class Api {
                    @Route(path = "/a")
                    public String a() {
                        return "a";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("a()", "query=page=1 and query=page=2"),
                source, 8);
    }

    @Test
    void oneSatisfiableAlternativeIsEnough() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(host = "a.example")
                public class Api {
                    @Route(path = "/a")
                    @Match(host = "b.example")
                    @Match(port = 8080)
                    public String a() {
                        return "a";
                    }
                }
                """);

        assertThat(compileLinted(source)).succeededWithoutWarnings();
    }

    @Test
    void hijackWithoutMatch() {
        JavaFileObject source = source("test.Admin", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Route;

                @Hijack({})
                public class Admin {
                    @Route(path = "/status")
                    public String status() {
                        return "up";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.MATCH_EMPTY.format(), source, 6);
    }

    @Test
    void hijackWithAnEmptyMatch() {
        JavaFileObject source = source("test.Admin", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                @Hijack(
                        @Match(negate = true))
                public class Admin {
                }
                """);

        assertOnlyError(compile(source), Diagnostic.MATCH_EMPTY.format(), source, 7);
    }

    @Test
    void twoHijacksWithTheSameMatcher() {
        JavaFileObject echo = source("test.Echo", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(host = "echo.example", port = 8080))
                public class Echo {
                    @Route(path = "/{*rest}")
                    public String echo(String rest) {
                        return rest;
                    }
                }
                """);
        JavaFileObject mirror = source("test.Mirror", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                /** Same conditions, other order and case: the same matcher. */
                @Hijack(@Match(port = 8080, host = "ECHO.example"))
                public class Mirror {
                }
                """);

        assertOnlyError(compile(echo, mirror), Diagnostic.DUPLICATE_HIJACK.format("Mirror", "Echo"), mirror, 7);
    }

    @Test
    void hijackTriedLaterIsTheOneReportedAsDuplicate() {
        JavaFileObject first = source("test.Zulu", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                @Hijack(value = {@Match(listener = "admin"), @Match(remote = "10.0.0.0/8")}, order = -1)
                public class Zulu {
                }
                """);
        JavaFileObject second = source("test.Alpha", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                @Hijack({@Match(remote = "10.0.0.0/8"), @Match(listener = "admin")})
                public class Alpha {
                }
                """);

        assertOnlyError(compile(first, second), Diagnostic.DUPLICATE_HIJACK.format("Alpha", "Zulu"), second, 6);
    }

    @Test
    void hijacksWithDifferentMatchersCompile() {
        JavaFileObject source = source("test.Gates", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;

                public class Gates {
                    @Hijack(@Match(host = "echo.example"))
                    public static class Echo {
                    }

                    @Hijack(@Match(host = "echo.example", negate = true))
                    public static class NotEcho {
                    }
                }
                """);

        assertThat(compileLinted(source)).succeededWithoutWarnings();
    }

    @Test
    void twoRoutesWithTheSameMethodPathAndConditions() {
        JavaFileObject source = source("test.Items", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Items {
                    @Route(path = "/items/{id}")
                    @Match(header = "X-Api-Version=2", query = "full")
                    public String first(String id) {
                        return id;
                    }

                    @Route(path = "/items/{key}")
                    @Match(query = "full", header = "x-api-version=2")
                    public String second(String key) {
                        return key;
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.DUPLICATE_ROUTE.format("GET", "/items/{key}", "Items.second",
                "GET", "/items/{id}", "Items.first"), source, 13);
    }

    @Test
    void twoRoutesWithTheSameAlternativesInAnotherOrder() {
        JavaFileObject source = source("test.Items", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Items {
                    @Route(method = "DELETE", path = "/items")
                    @Match(listener = "admin")
                    @Match(remote = "10.0.0.0/8")
                    public void clear() {
                    }

                    @Route(method = "DELETE", path = "/items")
                    @Match(remote = "10.0.0.0/8")
                    @Match(listener = "admin")
                    public void purge() {
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.DUPLICATE_ROUTE.format("DELETE", "/items", "Items.purge",
                "DELETE", "/items", "Items.clear"), source, 13);
    }

    @Test
    void routesWithTheSameMethodAndPathButOtherConditionsCompile() {
        JavaFileObject source = source("test.Items", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                public class Items {
                    @Route(path = "/items")
                    @Match(header = "X-Api-Version=2")
                    public String v2() {
                        return "v2";
                    }

                    @Route(path = "/items")
                    @Match(header = "X-Api-Version=3")
                    public String v3() {
                        return "v3";
                    }

                    @Route(path = "/items")
                    @Match(header = "X-Api-Version=3", negate = true)
                    public String notV3() {
                        return "not v3";
                    }

                    @Route(path = "/items")
                    public String plain() {
                        return "plain";
                    }

                    @Hijack(@Match(host = "legacy.example"))
                    public static class Legacy {
                        @Route(path = "/items")
                        public String plain() {
                            return "legacy";
                        }
                    }
                }
                """);

        assertThat(compileLinted(source)).succeededWithoutWarnings();
    }
}
