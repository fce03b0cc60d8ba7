package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.source;

import com.google.testing.compile.Compilation;
import dev.spur.processor.Diagnostic;
import dev.spur.tests.processor.Processing;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes the first version of the processor let through or misreported, each now pinned down. */
class MatchRegressionTest {

    @Test
    void headerNamesDifferingInCaseDoNotConflict() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(header = "X-Tenant=a")
                public class Api {
                    @Route(path = "/a")
                    @Match(header = "x-tenant=a")
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertThat(compile(source)).succeeded();
    }

    @Test
    void innerClassIsNoCustomMatcher() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;
                import dev.spur.runtime.RequestMatcher;
                import io.helidon.webserver.http.ServerRequest;

                public class Api {
                    public class Inner implements RequestMatcher {
                        public Inner() {
                        }

                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }

                    @Route(path = "/a")
                    @Match(custom = Inner.class)
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Inner",
                "cannot be instantiated: it must be a public, non-abstract, top-level or static class with a public "
                        + "no-argument constructor"), source, 20);
    }

    @Test
    void customMatcherInsideANonPublicClassIsRejected() {
        JavaFileObject holder = source("a.c.Holder", """
                package a.c;

                import dev.spur.runtime.RequestMatcher;
                import io.helidon.webserver.http.ServerRequest;

                class Holder {
                    public static class M implements RequestMatcher {
                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }
                }
                """);
        JavaFileObject api = source("a.c.Api", """
                package a.c;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(custom = Holder.M.class)
                    public String a() {
                        return "a";
                    }
                }
                """);
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(new dev.spur.processor.SpurProcessor())
                .withOptions("-Aspur.router=other.Router")
                .compile(holder, api);
        assertOnlyError(compilation, Diagnostic.BAD_CUSTOM.format("a.c.Holder.M",
                "cannot be reached by the generated router: its enclosing class Holder is not public"), api, 8);
    }

    @Test
    void hijacksWithTheSameSimpleNameGetDistinctMethods() {
        JavaFileObject x = source("app.x.Admin", """
                package app.x;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(host = "x.example"))
                public class Admin {
                    @Route(path = "/a")
                    public String a() {
                        return "x";
                    }
                }
                """);
        JavaFileObject y = source("app.y.Admin", """
                package app.y;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(host = "y.example"))
                public class Admin {
                    @Route(path = "/a")
                    public String a() {
                        return "y";
                    }
                }
                """);
        Processing.assertWarningFreeRouter("app.SpurRouter", x, y);
    }

    @Test
    void unsatisfiableHijackIsRejected() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(header = {"X=1", "X=2"}))
                public class Api {
                    @Route(path = "/a")
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("hijack Api", "header=x=1 and header=x=2"),
                source, 7);
    }

    @Test
    void routeThatItsHijackCanNeverReachIsRejected() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack(@Match(host = "h.example"))
                public class Api {
                    @Route(path = "/a")
                    @Match(host = "other.example")
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("a()",
                "host=h.example and host=other.example"), source, 10);
    }

    @Test
    void duplicatesAreFoundWhereverTheirConditionsAreWritten() {
        JavaFileObject one = source("test.One", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(host = "a.example")
                public class One {
                    @Route(path = "/s")
                    @Match(port = 8080)
                    public String s() {
                        return "one";
                    }
                }
                """);
        JavaFileObject two = source("test.Two", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Two {
                    @Route(path = "/s")
                    @Match(host = "a.example", port = 8080)
                    public String s() {
                        return "two";
                    }
                }
                """);
        assertOnlyError(compile(one, two), Diagnostic.DUPLICATE_ROUTE.format("GET", "/s", "Two.s", "GET", "/s",
                "One.s"), two, 7);
    }

    @Test
    void aHeaderValueThatLooksLikeTwoConditionsIsNoDuplicate() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(header = "X-A=1 & header=x-b")
                    public String a() {
                        return "a";
                    }

                    @Route(path = "/a")
                    @Match(header = {"X-A=1", "X-B"})
                    public String b() {
                        return "b";
                    }
                }
                """);
        assertThat(compile(source)).succeeded();
    }

    @Test
    void errorInARepeatedMatchPointsAtItsValue() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(header = "X-A")
                    @Match(header = {"X-B",
                            "X C"})
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_HEADER.format("X C"), source, 10);
    }

    @Test
    void unsatisfiableRepeatedMatchPointsAtTheFirstMatch() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(port = 8080)
                public class Api {
                    @Route(path = "/a")
                    @Match(port = 9090)
                    @Match(port = 9091)
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.UNSATISFIABLE.format("a()", "port=8080 and port=9090"), source,
                9);
    }

    @Test
    void routeTableListsReadableConditionsAndTheHijack() throws Exception {
        JavaFileObject source = source("app.Api", """
                package app;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(header = "X-V=2", produces = "application/json")
                    @Match(query = "debug", negate = true)
                    public String a() {
                        return "a";
                    }

                    @Hijack(@Match(host = "echo.example"))
                    public static class Echo {
                        @Route(path = "/{*rest}")
                        public String echo(String rest) {
                            return rest;
                        }
                    }
                }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        String table = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
                "META-INF/spur/app.SpurRouter.routes").orElseThrow().getCharContent(true).toString();
        org.junit.jupiter.api.Assertions.assertEquals("""
                # method\ttemplate\thandler\tconditions\thijack\tlayers\tservice
                GET\t/a\tapp.Api.a\theader=x-v=2 & produces=application/json | not(query=debug)\t-\t-\tdefault (public)
                GET\t/{*rest}\tapp.Api.Echo.echo\t-\tapp.Api.Echo\t-\tdefault (public)
                """, table);
    }
}
