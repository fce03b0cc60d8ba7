package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyErrorAt;
import static dev.spur.tests.processor.Processing.column;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every misuse of {@code @Service} and of service bindings is a compile error with a stable ID, at
 * the annotation value or the binding constructor parameter that is wrong (file, line, column).
 *
 * <p>A binding the processor rejects is never generated, so javac adds its own "cannot find symbol"
 * for each use of it: the binding tests assert the Spur error exactly once and nothing else but
 * those, and {@link #aBindingDiagnosticIsTheOnlyError} (failing until the processor avoids them)
 * asserts the single error the style guide asks for.
 */
class ServiceDiagnosticsTest {

    private static final List<String> ROUTER_IN_APP = List.of("-Aspur.router=app.SpurRouter");
    private static final String PRIVATE = "visibility = Service.Visibility.PRIVATE";
    /** The line of {@code @Service} in {@link #handler}. */
    private static final int SERVICE_LINE = 6;
    /** The line of the constructor in {@link #handler}. */
    private static final int CONSTRUCTOR_LINE = 8;

    /** A handler class with {@code service} (an annotation or nothing) and a constructor taking {@code parameters}. */
    private static JavaFileObject handler(String qualifiedName, String service, String parameters, String path) {
        int dot = qualifiedName.lastIndexOf('.');
        return JavaFileObjects.forSourceString(qualifiedName, """
                package %1$s;

                import dev.spur.Route;
                import dev.spur.Service;

                %2$s
                public class %3$s {
                    public %3$s(%4$s) {
                    }

                    @Route(path = "%5$s")
                    public String get() {
                        return "%5$s";
                    }
                }
                """.formatted(qualifiedName.substring(0, dot), service, qualifiedName.substring(dot + 1), parameters,
                path));
    }

    private static JavaFileObject packageInfo(String pkg, String service) {
        return JavaFileObjects.forSourceString(pkg + ".package-info", """
                %s
                package %s;

                import dev.spur.Service;
                """.formatted(service, pkg));
    }

    private static Compilation compileApp(JavaFileObject... sources) {
        return compile(ROUTER_IN_APP, sources);
    }

    /** The column (from 1) where {@code text} starts on {@code line} of {@code file}. */


    /**
     * {@code message} exactly once, at {@code text} on {@code line} of {@code file}, and no other error
     * but javac's "cannot find symbol" for the binding classes that were not generated.
     */
    private static void assertBindingErrorAt(Compilation compilation, String message, JavaFileObject file, int line,
                                             String text) {
        assertThat(compilation).failed();
        assertEquals(1, messages(compilation).stream().filter(message::equals).count(),
                () -> "expected once: " + message + "\nerrors: " + messages(compilation));
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line)
                .atColumn(column(file, line, text));
        for (String other : messages(compilation)) {
            assertTrue(other.equals(message) || other.startsWith("cannot find symbol"),
                    () -> "unexpected error: " + other);
        }
    }

    private static List<String> messages(Compilation compilation) {
        return compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void aServiceNameThatIsNotLowerCaseIsAnErrorAtTheName() {
        JavaFileObject api = handler("app.Api", "@Service(name = \"Audit-Log\")", "", "/a");
        assertOnlyErrorAt(compileApp(api), Diagnostic.SERVICE_BAD_NAME.format("Audit-Log"), api, SERVICE_LINE,
                "\"Audit-Log\"");
    }

    @Test
    void theNameOfTheDefaultServiceIsAnErrorAtTheName() {
        JavaFileObject api = handler("app.Api", "@Service(name = \"default\")", "", "/a");
        assertOnlyErrorAt(compileApp(api), Diagnostic.SERVICE_BAD_NAME.format("default"), api, SERVICE_LINE,
                "\"default\"");
    }

    @Test
    void theSameNameOnTwoClassesIsAnErrorAtTheSecond() {
        JavaFileObject first = handler("app.First", "@Service(name = \"audit\")", "", "/first");
        JavaFileObject second = handler("app.Second", "@Service(name = \"audit\")", "", "/second");
        assertOnlyErrorAt(compileApp(second, first), Diagnostic.SERVICE_DUPLICATE_NAME.format("audit", "app.First"),
                second, SERVICE_LINE, "\"audit\"");
    }

    @Test
    void aPrivateServiceWithAHostIsAnErrorAtTheHost() {
        JavaFileObject api = handler("app.Api",
                "@Service(name = \"audit\", " + PRIVATE + ", host = \"audit.example.com\")", "", "/a");
        assertOnlyErrorAt(compileApp(api), Diagnostic.SERVICE_PRIVATE_HOST.format("audit"), api, SERVICE_LINE,
                "\"audit.example.com\"");
    }

    @Test
    void aHostWithAPortIsAnErrorAtTheHost() {
        JavaFileObject api = handler("app.Api", "@Service(name = \"store\", host = \"api.example.com:8443\")", "",
                "/a");
        assertOnlyErrorAt(compileApp(api), Diagnostic.SERVICE_BAD_HOST.format("api.example.com:8443", "store"), api,
                SERVICE_LINE, "\"api.example.com:8443\"");
    }

    @Test
    void aClassWithItsOwnServiceInAPackageWithAnotherIsAnErrorAtTheClasssName() {
        JavaFileObject info = packageInfo("app.audit", "@Service(name = \"audit\")");
        JavaFileObject api = handler("app.audit.Api", "@Service(name = \"store\")", "", "/a");
        assertOnlyErrorAt(compileApp(info, api),
                Diagnostic.SERVICE_TWO_SERVICES.format("Api", "store", "audit", "app.audit"), api, SERVICE_LINE,
                "\"store\"");
    }

    @Test
    void serviceOnAClassWithoutRoutesIsAnErrorAtTheName() {
        JavaFileObject api = handler("app.Api", "", "", "/a");
        JavaFileObject plain = JavaFileObjects.forSourceString("app.Plain", """
                package app;

                import dev.spur.Service;

                @Service(name = "plain")
                public class Plain {
                }
                """);
        assertOnlyErrorAt(compileApp(api, plain), Diagnostic.SERVICE_WITHOUT_ROUTES.format("plain", "Plain", "Plain"),
                plain, 5, "\"plain\"");
    }

    @Test
    void serviceOnAPackageWithoutHandlersIsAnErrorAtTheName() {
        JavaFileObject api = handler("app.Api", "", "", "/a");
        JavaFileObject info = packageInfo("app.empty", "@Service(name = \"empty\")");
        assertOnlyErrorAt(compileApp(api, info), Diagnostic.SERVICE_WITHOUT_ROUTES.format("empty",
                "package app.empty", "package app.empty"), info, 1, "\"empty\"");
    }

    @Test
    void aServiceInTheUnnamedPackageIsAnErrorAtTheName() {
        JavaFileObject api = JavaFileObjects.forSourceString("Api", """
                import dev.spur.Route;
                import dev.spur.Service;

                @Service(name = "audit-log")
                public class Api {
                    @Route(path = "/a")
                    public String a() {
                        return "a";
                    }
                }
                """);
        assertOnlyErrorAt(compile(api), Diagnostic.SERVICE_UNNAMED_PACKAGE.format("audit-log", "AuditLogBinding"),
                api, 4, "\"audit-log\"");
    }

    // --- bindings -------------------------------------------------------------------------------

    /** One compilation with a binding error: its sources, the message, and where it points. */
    record BindingCase(String name, List<JavaFileObject> sources, String message, JavaFileObject file, int line,
                       String text) {

        Compilation compile() {
            return compileApp(sources.toArray(JavaFileObject[]::new));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final JavaFileObject RAW_AUDIT = JavaFileObjects.forSourceString("app.audit.AuditHandlers", """
            package app.audit;

            import dev.spur.Route;
            import dev.spur.Service;
            import io.helidon.webserver.http.ServerRequest;

            @Service(name = "audit", visibility = Service.Visibility.PRIVATE)
            public class AuditHandlers {
                @Route(path = "/entries")
                public String entries() {
                    return "[]";
                }

                @Route(path = "/peer")
                public String peer(ServerRequest request) {
                    return request.remotePeer().host();
                }
            }
            """);

    static BindingCase twoServiceCycle() {
        JavaFileObject gateway = handler("app.gateway.GatewayHandlers", "@Service(name = \"gateway\")",
                "app.AuditBinding audit", "/g");
        JavaFileObject audit = handler("app.audit.AuditHandlers", "@Service(name = \"audit\", " + PRIVATE + ")",
                "app.GatewayBinding gateway", "/a");
        // the handlers are read in the order of their names: audit's binding opens the cycle, gateway's closes it
        return new BindingCase("two-service cycle", List.of(gateway, audit),
                Diagnostic.BINDING_CYCLE.format("audit \u2192 gateway \u2192 audit"), gateway, CONSTRUCTOR_LINE,
                "audit)");
    }

    static BindingCase selfBinding() {
        JavaFileObject audit = handler("app.audit.AuditHandlers", "@Service(name = \"audit\")", "app.AuditBinding self",
                "/a");
        return new BindingCase("self-binding", List.of(audit), Diagnostic.BINDING_CYCLE.format("audit \u2192 audit"),
                audit, CONSTRUCTOR_LINE, "self)");
    }

    static BindingCase threeServiceCycle() {
        JavaFileObject alpha = handler("app.alpha.AlphaHandlers", "@Service(name = \"alpha\")", "app.BetaBinding beta",
                "/alpha");
        JavaFileObject beta = handler("app.beta.BetaHandlers", "@Service(name = \"beta\")", "app.GammaBinding gamma",
                "/beta");
        JavaFileObject gamma = handler("app.gamma.GammaHandlers", "@Service(name = \"gamma\")",
                "app.AlphaBinding alpha", "/gamma");
        return new BindingCase("three-service cycle", List.of(gamma, beta, alpha),
                Diagnostic.BINDING_CYCLE.format("alpha \u2192 beta \u2192 gamma \u2192 alpha"), gamma,
                CONSTRUCTOR_LINE, "alpha)");
    }

    static BindingCase rawRoute() {
        JavaFileObject gateway = handler("app.gateway.GatewayHandlers", "", "app.AuditBinding audit", "/g");
        return new BindingCase("binding to a raw route", List.of(gateway, RAW_AUDIT),
                Diagnostic.BINDING_RAW_ROUTE.format("AuditBinding", "GET /peer", "AuditHandlers.peer", "ServerRequest",
                        "audit"), gateway, CONSTRUCTOR_LINE, "audit)");
    }

    static BindingCase ambiguousConstructor() {
        JavaFileObject audit = handler("app.audit.AuditHandlers", "@Service(name = \"audit\")", "", "/a");
        JavaFileObject gateway = JavaFileObjects.forSourceString("app.gateway.GatewayHandlers", """
                package app.gateway;

                import dev.spur.Route;

                public class GatewayHandlers {
                    public GatewayHandlers() {
                    }

                    public GatewayHandlers(app.AuditBinding audit) {
                    }

                    @Route(path = "/g")
                    public String get() {
                        return "g";
                    }
                }
                """);
        return new BindingCase("two public constructors", List.of(gateway, audit),
                Diagnostic.BINDING_AMBIGUOUS_CONSTRUCTOR.format("GatewayHandlers", 2), gateway, 9,
                "GatewayHandlers(app");
    }

    static Stream<BindingCase> bindingCases() {
        return Stream.of(twoServiceCycle(), selfBinding(), threeServiceCycle(), rawRoute(), ambiguousConstructor());
    }

    private static void assertBindingError(BindingCase c) {
        assertBindingErrorAt(c.compile(), c.message(), c.file(), c.line(), c.text());
    }

    @Test
    void twoServicesThatBindEachOtherAreOneCycleAtTheParameterThatClosesIt() {
        assertBindingError(twoServiceCycle());
    }

    @Test
    void aServiceThatBindsItselfIsACycleAtItsParameter() {
        assertBindingError(selfBinding());
    }

    @Test
    void threeServicesInACircleAreOneCycleAtTheParameterThatClosesIt() {
        assertBindingError(threeServiceCycle());
    }

    @Test
    void aBindingToAServiceWithARouteTakingServerRequestIsAnErrorAtTheParameter() {
        assertBindingError(rawRoute());
    }

    @Test
    void aClassTakingABindingWithTwoPublicConstructorsIsAnErrorAtTheBindingConstructor() {
        assertBindingError(ambiguousConstructor());
    }

    @Test
    void twoHandlersOfAServiceClosingOneCycleReportItOnce() {
        JavaFileObject gateway = handler("app.gateway.GatewayHandlers", "", "app.AuditBinding audit", "/g");
        JavaFileObject more = handler("app.gateway.MoreHandlers", "", "app.AuditBinding audit", "/m");
        JavaFileObject info = packageInfo("app.gateway", "@Service(name = \"gateway\")");
        JavaFileObject audit = handler("app.audit.AuditHandlers", "@Service(name = \"audit\", " + PRIVATE + ")",
                "app.GatewayBinding gateway", "/a");
        assertBindingErrorAt(compileApp(info, gateway, more, audit),
                Diagnostic.BINDING_CYCLE.format("audit \u2192 gateway \u2192 audit"), gateway, CONSTRUCTOR_LINE,
                "audit)");
    }

    // --- processor defects: these fail until the processor is fixed ------------------------------

    /**
     * DEFECT: when a binding diagnostic is reported nothing is generated, so javac adds "cannot find
     * symbol" for every use of every binding class: the Spur error is never the only one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bindingCases")
    void aBindingDiagnosticIsTheOnlyError(BindingCase c) {
        Compilation compilation = c.compile();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(c.message()).inFile(c.file()).onLine(c.line())
                .atColumn(column(c.file(), c.line(), c.text()));
    }

    /**
     * DEFECT: an application layer that binds a service with a raw route is reported once per
     * service the layer wraps, three times here, all at the same parameter.
     */
    @Test
    void aRawRouteBindingOfAnApplicationLayerIsReportedOnce() {
        JavaFileObject layers = JavaFileObjects.forSourceString("app.package-info", """
                @Layer(Audited.class)
                package app;

                import dev.spur.Layer;
                """);
        JavaFileObject audited = JavaFileObjects.forSourceString("app.Audited", """
                package app;

                import dev.spur.runtime.Exchange;
                import dev.spur.runtime.Layer;

                public final class Audited implements Layer {
                    public Audited(AuditBinding audit) {
                    }

                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }
                """);
        JavaFileObject gateway = handler("app.gateway.GatewayHandlers", "@Service(name = \"gateway\")", "", "/g");
        JavaFileObject health = handler("app.Health", "", "", "/health");
        String message = Diagnostic.BINDING_RAW_ROUTE.format("AuditBinding", "GET /peer", "AuditHandlers.peer",
                "ServerRequest", "audit");
        Compilation compilation = compileApp(layers, audited, gateway, health, RAW_AUDIT);
        assertEquals(1, messages(compilation).stream().filter(message::equals).count(),
                () -> "expected once: " + message + "\nerrors: " + messages(compilation));
        assertThat(compilation).hadErrorContaining(message).inFile(audited).onLine(7)
                .atColumn(column(audited, 7, "audit)"));
    }

    /**
     * DEFECT: {@code @Service} without routes is reported only when some other class of the
     * compilation has routes; alone, it is silently ignored.
     */
    @Test
    void serviceOnAClassWithoutRoutesIsAnErrorEvenWhenNoClassHasRoutes() {
        JavaFileObject plain = JavaFileObjects.forSourceString("app.Plain", """
                package app;

                import dev.spur.Service;

                @Service(name = "plain")
                public class Plain {
                }
                """);
        assertOnlyErrorAt(compileApp(plain), Diagnostic.SERVICE_WITHOUT_ROUTES.format("plain", "Plain", "Plain"),
                plain, 5, "\"plain\"");
    }
}
