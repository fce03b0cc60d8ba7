package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.source;

import com.google.testing.compile.Compilation;
import dev.spur.processor.Diagnostic;

import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One compile per malformed {@code @Match} value: each is exactly one error, with the message of
 * its diagnostic, on the line of the offending value; and several mistakes are all reported.
 */
class MatchDiagnosticsTest {

    private static final String NO_PORT = "a host pattern has no port; use @Match(port = ...) for the local port";
    private static final String LONE_STAR = "'*' may only stand alone as the first label, as in *.example.com";
    private static final String TYPE_SUBTYPE = "write type/subtype, e.g. application/json";
    private static final String CONCRETE = "produces names concrete types, without '*'";
    private static final String NOT_AN_ADDRESS = "' is not an IP address literal";
    private static final String NOT_INSTANTIABLE =
            "cannot be instantiated: it must be a public, non-abstract, top-level or static class with a public "
                    + "no-argument constructor";

    /** A handler whose only route carries {@code @Match(conditions)} on line 8. */
    private static JavaFileObject routeWith(String conditions) {
        return source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(%s)
                    public String a() {
                        return "a";
                    }
                }
                """.formatted(conditions));
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                mistake("host = \"api.example.com:8080\"", Diagnostic.BAD_HOST, "api.example.com:8080", NO_PORT),
                mistake("host = \"api.*.example.com\"", Diagnostic.BAD_HOST, "api.*.example.com", LONE_STAR),
                mistake("host = \"api_v2.example.com\"", Diagnostic.BAD_HOST, "api_v2.example.com",
                        "label 'api_v2' is not a DNS label (letters, digits, inner '-')"),
                mistake("host = \"-api.example.com\"", Diagnostic.BAD_HOST, "-api.example.com",
                        "label '-api' is not a DNS label (letters, digits, inner '-')"),
                mistake("host = \"\"", Diagnostic.BAD_HOST, "", "it is empty"),
                mistake("host = \"*.\"", Diagnostic.BAD_HOST, "*.", "it is empty"),
                mistake("header = \"X Bad=1\"", Diagnostic.BAD_HEADER, "X Bad=1"),
                mistake("header = \"=v\"", Diagnostic.BAD_HEADER, "=v"),
                mistake("header = \"X-Version:2\"", Diagnostic.BAD_HEADER, "X-Version:2"),
                mistake("query = \"=json\"", Diagnostic.BAD_QUERY, "=json"),
                mistake("query = \"a&b=1\"", Diagnostic.BAD_QUERY, "a&b=1"),
                mistake("query = \"my param\"", Diagnostic.BAD_QUERY, "my param"),
                mistake("consumes = \"json\"", Diagnostic.BAD_MEDIA_TYPE, "json", TYPE_SUBTYPE),
                mistake("consumes = \"application/json/x\"", Diagnostic.BAD_MEDIA_TYPE, "application/json/x",
                        TYPE_SUBTYPE),
                mistake("consumes = \"*/json\"", Diagnostic.BAD_MEDIA_TYPE, "*/json",
                        "'*/json' is not a media range; use */* or type/*"),
                mistake("consumes = \"text/pl ain\"", Diagnostic.BAD_MEDIA_TYPE, "text/pl ain",
                        "type and subtype must be tokens"),
                mistake("produces = \"application/*\"", Diagnostic.BAD_MEDIA_TYPE, "application/*", CONCRETE),
                mistake("produces = \"*/*\"", Diagnostic.BAD_MEDIA_TYPE, "*/*", CONCRETE),
                mistake("produces = \"application/*+json\"", Diagnostic.BAD_MEDIA_TYPE, "application/*+json",
                        CONCRETE),
                mistake("consumes = \"text/plain; charset\"", Diagnostic.BAD_MEDIA_TYPE, "text/plain; charset",
                        "parameter 'charset' is not name=value"),
                mistake("produces = \"text/plain;charset=\"", Diagnostic.BAD_MEDIA_TYPE, "text/plain;charset=",
                        "parameter 'charset=' is not name=value"),
                mistake("scheme = \"ftp\"", Diagnostic.BAD_SCHEME, "ftp"),
                mistake("version = \"3\"", Diagnostic.BAD_VERSION, "3"),
                mistake("version = \"HTTP/1.1\"", Diagnostic.BAD_VERSION, "HTTP/1.1"),
                mistake("port = 70000", Diagnostic.BAD_PORT, 70000),
                mistake("port = -1", Diagnostic.BAD_PORT, -1),
                mistake("remote = \"10.0.0.0/33\"", Diagnostic.BAD_CIDR, "10.0.0.0/33", "prefix '/33' must be 0..32"),
                mistake("remote = \"300.1.1.1/8\"", Diagnostic.BAD_CIDR, "300.1.1.1/8", "octet 300 is over 255"),
                mistake("remote = \"fe80::zz/64\"", Diagnostic.BAD_CIDR, "fe80::zz/64", "'fe80::zz" + NOT_AN_ADDRESS),
                mistake("remote = \"fd00::/129\"", Diagnostic.BAD_CIDR, "fd00::/129", "prefix '/129' must be 0..128"),
                mistake("remote = \"1:2:3:4:5:6:7:8:9/64\"", Diagnostic.BAD_CIDR, "1:2:3:4:5:6:7:8:9/64",
                        "'1:2:3:4:5:6:7:8:9' is not an IPv6 address"),
                mistake("remote = \"intranet.example.com\"", Diagnostic.BAD_CIDR, "intranet.example.com",
                        "'intranet.example.com" + NOT_AN_ADDRESS),
                mistake("remote = \"10.0.0.0/8a\"", Diagnostic.BAD_CIDR, "10.0.0.0/8a", "prefix '/8a' must be 0..32"),
                mistake("custom = int.class", Diagnostic.BAD_CUSTOM, "int", "is not a class"),
                mistake("custom = String.class", Diagnostic.BAD_CUSTOM, "java.lang.String",
                        "does not implement dev.spur.runtime.RequestMatcher"),
                mistake("", Diagnostic.MATCH_EMPTY),
                mistake("port = 0", Diagnostic.MATCH_EMPTY),
                mistake("listener = \"\", negate = true", Diagnostic.MATCH_EMPTY),
                mistake("custom = void.class", Diagnostic.MATCH_EMPTY));
    }

    private static Arguments mistake(String conditions, Diagnostic diagnostic, Object... args) {
        return Arguments.of(conditions, diagnostic.format(args));
    }

    @ParameterizedTest(name = "@Match({0})")
    @MethodSource("malformedValues")
    void malformedValueIsOneErrorOnIt(String conditions, String message) {
        JavaFileObject source = routeWith(conditions);

        assertOnlyError(compile(source), message, source, 8);
    }

    @Test
    void errorPointsAtTheMalformedElementOfAMultiLineArray() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/internal")
                    @Match(remote = {
                            "10.0.0.0/8",
                            "10.0.0.0/33",
                            "fd00::/8"})
                    public String internal() {
                        return "internal";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CIDR.format("10.0.0.0/33", "prefix '/33' must be 0..32"),
                source, 10);
    }

    @Test
    void errorInAClassLevelMatchIsReportedOnceOnTheClassAnnotation() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                @Match(scheme = "gopher")
                public class Api {
                    @Route(path = "/a")
                    public String a() {
                        return "a";
                    }

                    @Route(path = "/b")
                    public String b() {
                        return "b";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_SCHEME.format("gopher"), source, 6);
    }

    @Test
    void errorInAMatchInsideHijackPointsAtThatMatch() {
        JavaFileObject source = source("test.Admin", """
                package test;

                import dev.spur.Hijack;
                import dev.spur.Match;
                import dev.spur.Route;

                @Hijack({
                        @Match(listener = "admin"),
                        @Match(version = "1.2")})
                public class Admin {
                    @Route(path = "/status")
                    public String status() {
                        return "up";
                    }
                }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_VERSION.format("1.2"), source, 9);
    }

    @Test
    void customMatcherThatIsNotARequestMatcher() {
        JavaFileObject source = customMatcherSource("""
                    public static class Beta {
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta",
                "does not implement dev.spur.runtime.RequestMatcher"), source, 10);
    }

    @Test
    void customMatcherWhoseConstructorThrowsACheckedException() {
        JavaFileObject source = customMatcherSource("""
                    public static class Beta implements RequestMatcher {
                        public Beta() throws java.io.IOException {
                        }

                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta", "cannot be created by the "
                + "router: its no-argument constructor throws the checked java.io.IOException; handle it inside the "
                + "constructor"), source, 10);
    }

    @Test
    void customMatcherThatIsAbstract() {
        JavaFileObject source = customMatcherSource("""
                    public abstract static class Beta implements RequestMatcher {
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta", NOT_INSTANTIABLE), source, 10);
    }

    @Test
    void customMatcherWithoutAPublicNoArgumentConstructor() {
        JavaFileObject source = customMatcherSource("""
                    public static class Beta implements RequestMatcher {
                        public Beta(String cohort) {
                        }

                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta", NOT_INSTANTIABLE), source, 10);
    }

    @Test
    void customMatcherWithAPrivateNoArgumentConstructor() {
        JavaFileObject source = customMatcherSource("""
                    public static class Beta implements RequestMatcher {
                        private Beta() {
                        }

                        @Override
                        public boolean matches(dev.spur.runtime.Exchange request) {
                            return true;
                        }
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta", NOT_INSTANTIABLE), source, 10);
    }

    @Test
    void customMatcherThatIsAnInterface() {
        JavaFileObject source = customMatcherSource("""
                    public interface Beta extends RequestMatcher {
                    }
                """);

        assertOnlyError(compile(source), Diagnostic.BAD_CUSTOM.format("test.Api.Beta", NOT_INSTANTIABLE), source, 10);
    }

    /** A handler with {@code @Match(custom = Beta.class)} on line 10, and {@code beta} (class Beta) in it. */
    private static JavaFileObject customMatcherSource(String beta) {
        return source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;
                import dev.spur.runtime.RequestMatcher;
                import io.helidon.webserver.http.ServerRequest;

                public class Api {
                    @Route(path = "/beta")
                    @Match(custom = Beta.class)
                    public String beta() {
                        return "beta";
                    }

                %s}
                """.formatted(beta));
    }

    @Test
    void threeIndependentMistakesAreAllReported() {
        JavaFileObject source = source("test.Api", """
                package test;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Match(host = "api.example.com:443")
                    public String a() {
                        return "a";
                    }

                    @Route(path = "/b")
                    @Match(header = "X-Debug", consumes = "json")
                    public String b() {
                        return "b";
                    }

                    @Route(path = "/c")
                    @Match(port = 99999)
                    public String c() {
                        return "c";
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Diagnostic.BAD_HOST.format("api.example.com:443", NO_PORT))
                .inFile(source).onLine(8);
        assertThat(compilation).hadErrorContaining(Diagnostic.BAD_MEDIA_TYPE.format("json", TYPE_SUBTYPE))
                .inFile(source).onLine(14);
        assertThat(compilation).hadErrorContaining(Diagnostic.BAD_PORT.format(99999)).inFile(source).onLine(20);
    }
}
