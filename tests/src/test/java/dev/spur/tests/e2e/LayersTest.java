package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @Layer} end to end: the generated chain runs application, class and method layers
 * outermost first in declaration order; a layer answers early (the handler provably not called),
 * post-processes the real final status of every kind of answer, maps exceptions, reads the route
 * template and parameters; application layers wrap the router's own answers and hijacks, a
 * normal class's layers do not wrap hijacked requests; and a guarded route is guarded for every
 * spelling of its path.
 */
class LayersTest {

    private static final String PACKAGE_INFO = """
            @Layer({Trace.App1.class, Trace.App2.class, Observe.class})
            package layered;

            import dev.spur.Layer;
            """;

    private static final String TRACE = """
            package layered;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.Layer;
            import io.helidon.http.HeaderName;
            import io.helidon.http.HeaderNames;

            /** Layers that note, in X-Order, that they ran; one class per position. */
            public abstract class Trace implements Layer {
                static final HeaderName ORDER = HeaderNames.create("X-Order");
                private final String name;

                Trace(String name) { this.name = name; }

                @Override
                public void handle(Exchange exchange, Next next) {
                    exchange.responseHeaders().add(ORDER, name);
                    next.proceed(exchange);
                }

                public static final class App1 extends Trace { public App1() { super("app1"); } }
                public static final class App2 extends Trace { public App2() { super("app2"); } }
                public static final class Class1 extends Trace { public Class1() { super("class1"); } }
                public static final class Class2 extends Trace { public Class2() { super("class2"); } }
                public static final class Method1 extends Trace { public Method1() { super("method1"); } }
                public static final class HijackLayer extends Trace { public HijackLayer() { super("hijack"); } }
            }
            """;

    private static final String OBSERVE = """
            package layered;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.Layer;
            import dev.spur.runtime.RouteInfo;
            import io.helidon.http.HeaderNames;

            /** After the rest of the chain: the status and template it sees. */
            public final class Observe implements Layer {
                @Override
                public void handle(Exchange exchange, Next next) {
                    next.proceed(exchange);
                    exchange.responseHeaders().set(HeaderNames.create("X-Seen-Status"), String.valueOf(exchange.status()));
                    exchange.responseHeaders().set(HeaderNames.create("X-Seen-Template"),
                            exchange.route().map(RouteInfo::template).orElse("-"));
                    exchange.responseHeaders().set(HeaderNames.create("X-Seen-Failure"),
                            exchange.failure().map(f -> f.getClass().getSimpleName()).orElse("-"));
                }
            }
            """;

    private static final String GATE = """
            package layered;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.HttpProblem;
            import dev.spur.runtime.Layer;
            import io.helidon.http.HeaderNames;

            /** A fallible layer: 401 without the right token, and nothing inside runs. */
            public final class Gate implements Layer {
                private final String token;

                public Gate(String token) { this.token = token; }

                @Override
                public void handle(Exchange exchange, Next next) {
                    if (!exchange.header(HeaderNames.create("X-Token")).orElse("").equals(token)) {
                        exchange.respond(new HttpProblem(401, "Unauthorized", "A token is required."));
                        return;
                    }
                    next.proceed(exchange);
                }
            }
            """;

    private static final String MAPPER = """
            package layered;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.HttpProblem;
            import dev.spur.runtime.Layer;

            /** Turns domain exceptions from inside into answers. */
            public final class Mapper implements Layer {
                @Override
                public void handle(Exchange exchange, Next next) {
                    next.proceed(exchange);
                    if (exchange.failure().orElse(null) instanceof Api.NoSuchItem missing) {
                        exchange.respond(new HttpProblem(404, "Not Found", "No item " + missing.id + "."));
                    } else if (exchange.failure().orElse(null) instanceof Api.Taken) {
                        exchange.respond(new HttpProblem(409, "Conflict", "That name is taken."));
                    }
                }
            }
            """;

    private static final String PARAMS = """
            package layered;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.Layer;
            import io.helidon.http.HeaderNames;

            /** Reads the matched route's decoded path parameter before the handler runs. */
            public final class ParamEcho implements Layer {
                @Override
                public void handle(Exchange exchange, Next next) {
                    String id = exchange.pathParameter("id").orElse("-");
                    next.proceed(exchange);
                    exchange.responseHeaders().set(HeaderNames.create("X-Param-Id"), id);
                }
            }
            """;

    private static final String API = """
            package layered;

            import dev.spur.Hijack;
            import dev.spur.Layer;
            import dev.spur.Match;
            import dev.spur.Route;
            import dev.spur.runtime.HttpProblem;
            import java.util.concurrent.atomic.AtomicInteger;

            @Layer({Trace.Class1.class, Trace.Class2.class, Mapper.class})
            public class Api {
                public static final class NoSuchItem extends RuntimeException {
                    final int id;
                    NoSuchItem(int id) { super("no item " + id); this.id = id; }
                }

                public static final class Taken extends RuntimeException {
                    Taken() { super("taken"); }
                }

                @Route(method = "GET", path = "/items/{id}")
                @Layer({Trace.Method1.class, ParamEcho.class})
                public String item(int id) {
                    if (id == 0) {
                        throw new NoSuchItem(id);
                    }
                    if (id == 1) {
                        throw new Taken();
                    }
                    if (id == 2) {
                        throw new HttpProblem(422, "Unprocessable", "Item 2 is special.");
                    }
                    if (id == 3) {
                        throw new IllegalStateException("secret failure");
                    }
                    return "item " + id;
                }

                @Route(method = "POST", path = "/items")
                public String create() { return "created"; }

                @Hijack(@Match(host = "echo.example.internal"))
                @Layer(Trace.HijackLayer.class)
                public static class Echo {
                    @Route(method = "GET", path = "/{*rest}")
                    public String echo(String rest) { return "echo " + rest; }
                }
            }
            """;

    private static final String ADMIN = """
            package layered;

            import dev.spur.Layer;
            import dev.spur.Route;
            import java.util.concurrent.atomic.AtomicInteger;

            @Layer(Gate.class)
            @Route(path = "/admin")
            public class Admin {
                static final AtomicInteger CALLS = new AtomicInteger();

                @Route(method = "GET", path = "/stats")
                public String stats() {
                    return "stats " + CALLS.incrementAndGet();
                }
            }
            """;

    private static final String CALLS = """
            package layered;

            import dev.spur.Route;
            import io.helidon.webserver.http.ServerResponse;

            public class Calls {
                @Route(method = "GET", path = "/calls")
                public String calls() {
                    return String.valueOf(Admin.CALLS.get());
                }

                @Route(method = "GET", path = "/direct")
                public void direct(ServerResponse response) {
                    response.header("X-Direct", "yes").send("written by the handler");
                }
            }
            """;

    private static SpurServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("layered/package-info.java", PACKAGE_INFO);
        sources.put("layered/Trace.java", TRACE);
        sources.put("layered/Observe.java", OBSERVE);
        sources.put("layered/Gate.java", GATE);
        sources.put("layered/Mapper.java", MAPPER);
        sources.put("layered/ParamEcho.java", PARAMS);
        sources.put("layered/Api.java", API);
        sources.put("layered/Admin.java", ADMIN);
        sources.put("layered/Calls.java", CALLS);
        ClassLoader loader = InProcessCompiler.compile(temp, sources, "layered.Router");
        Class<?> routerType = loader.loadClass("layered.Router");
        // Gate has no no-argument constructor: the generated builder takes it, typed.
        Object builder = routerType.getMethod("builder").invoke(null);
        Class<?> gate = loader.loadClass("layered.Gate");
        builder.getClass().getMethod("gate", gate).invoke(builder, gate.getConstructor(String.class).newInstance("s3cret"));
        Router router = (Router) builder.getClass().getMethod("build").invoke(builder);
        server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static RawHttp.Answer send(String method, String target, String... headers) throws IOException {
        return RawHttp.once(server.port(), method, target, headers);
    }

    private static List<String> order(RawHttp.Answer answer) {
        return answer.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Order"))
                .flatMap(e -> e.getValue().stream())
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim)
                .toList();
    }

    @Test
    void layersRunApplicationThenClassThenMethodInDeclarationOrder() throws IOException {
        RawHttp.Answer answer = send("GET", "/items/7");
        assertEquals(200, answer.status());
        assertEquals("item 7", answer.text());
        assertEquals(List.of("app1", "app2", "class1", "class2", "method1"), order(answer));
    }

    @Test
    void aHandlerThatWritesHelidonsResponseItselfKeepsItsAnswerAndLayersSeeItsStatus() throws IOException {
        RawHttp.Answer answer = send("GET", "/direct");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("written by the handler", answer.text());
        assertEquals("yes", answer.header("X-Direct").orElseThrow());
        // the app layers ran before it (X-Order is on the wire); what they set afterwards is too late
        assertEquals(List.of("app1", "app2"), order(answer));
        assertEquals(200, send("GET", "/items/7").status(), "the server goes on");
    }

    @Test
    void aRouteWithoutMethodLayersHasOnlyTheOuterOnes() throws IOException {
        RawHttp.Answer answer = send("POST", "/items");
        assertEquals("created", answer.text());
        assertEquals(List.of("app1", "app2", "class1", "class2"), order(answer));
    }

    @Test
    void postProcessingSeesTheRealStatusOfEveryAnswer() throws IOException {
        assertSeen(send("GET", "/items/7"), 200, "/items/{id}", "-");
        assertSeen(send("GET", "/items/abc"), 400, "/items/{id}", "HttpProblem");
        assertSeen(send("GET", "/items/2"), 422, "/items/{id}", "HttpProblem");
        assertSeen(send("GET", "/items/3"), 500, "/items/{id}", "IllegalStateException");
        assertSeen(send("GET", "/nothing"), 404, "-", "HttpProblem");
        assertSeen(send("DELETE", "/items/7"), 405, "-", "HttpProblem");
        assertSeen(send("GET", "/items/%ff"), 400, "-", "HttpProblem");
        RawHttp.Answer secret = send("GET", "/items/3");
        assertFalse(secret.text().contains("secret"), secret.text());
    }

    private static void assertSeen(RawHttp.Answer answer, int status, String template, String failure) {
        assertEquals(status, answer.status(), answer::text);
        assertEquals(String.valueOf(status), answer.header("X-Seen-Status").orElseThrow());
        assertEquals(template, answer.header("X-Seen-Template").orElseThrow());
        assertEquals(failure, answer.header("X-Seen-Failure").orElseThrow());
        if (status >= 400) {
            assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        }
    }

    @Test
    void applicationLayersWrapTheRoutersOwnAnswers() throws IOException {
        assertEquals(List.of("app1", "app2"), order(send("GET", "/nothing")));
        assertEquals(List.of("app1", "app2"), order(send("DELETE", "/items/7")));
        assertEquals(List.of("app1", "app2"), order(send("GET", "/items/%ff")));
    }

    @Test
    void aLayerMapsDomainExceptionsAndOuterLayersSeeTheMappedAnswer() throws IOException {
        RawHttp.Answer missing = send("GET", "/items/0");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("No item 0."), missing.text());
        assertEquals("404", missing.header("X-Seen-Status").orElseThrow());
        assertEquals("-", missing.header("X-Seen-Failure").orElseThrow());
        RawHttp.Answer taken = send("GET", "/items/1");
        assertEquals(409, taken.status());
        assertEquals("409", taken.header("X-Seen-Status").orElseThrow());
    }

    @Test
    void aLayerReadsTheRouteTemplateAndDecodedParameters() throws IOException {
        RawHttp.Answer answer = send("GET", "/items/%37");
        assertEquals("item 7", answer.text());
        assertEquals("7", answer.header("X-Param-Id").orElseThrow());
        assertEquals("/items/{id}", answer.header("X-Seen-Template").orElseThrow());
    }

    @Test
    void hijacksGetApplicationAndTheirOwnLayersButNotANormalClasssLayers() throws IOException {
        RawHttp.Answer answer = send("GET", "/items/7", "Host", "echo.example.internal");
        assertEquals("echo items/7", answer.text());
        assertEquals(List.of("app1", "app2", "hijack"), order(answer));
    }

    @Test
    void aFallibleLayerAnswersAndTheHandlerIsNeverCalled() throws IOException {
        int before = Integer.parseInt(send("GET", "/calls").text());
        RawHttp.Answer refused = send("GET", "/admin/stats");
        assertEquals(401, refused.status());
        assertEquals("401", refused.header("X-Seen-Status").orElseThrow());
        assertEquals(before, Integer.parseInt(send("GET", "/calls").text()));
        RawHttp.Answer allowed = send("GET", "/admin/stats", "X-Token", "s3cret");
        assertEquals(200, allowed.status());
        assertEquals(before + 1, Integer.parseInt(send("GET", "/calls").text()));
    }

    /**
     * A layer guards the route, not a spelling of its path: every spelling either reaches the
     * route through its layer (401 without the token, 200 with it) or reaches no route at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/stats", "/%61dmin/stats", "/%61%64%6d%69%6e/%73tats", "/admin/./stats",
        "/x/../admin/stats", "//admin/stats", "/admin//stats", "/admin/stats/", "/ADMIN/stats", "/admin/stats;x",
        "/admin/stats?x=1", "/admin%2fstats", "/admin/stats%20", "/./admin/stats"})
    void noSpellingReachesAGuardedRouteWithoutItsLayer(String target) throws IOException {
        int before = Integer.parseInt(send("GET", "/calls").text());
        for (String host : List.of("localhost", "LOCALHOST", "localhost.")) {
            RawHttp.Answer without = send("GET", target, "Host", host);
            assertTrue(without.status() == 401 || without.status() == 404 || without.status() == 400,
                    () -> target + " on " + host + " without a token: " + without.status() + " " + without.text());
            RawHttp.Answer with = send("GET", target, "Host", host, "X-Token", "s3cret");
            if (without.status() == 401) {
                assertEquals(200, with.status(), target);
            } else {
                assertEquals(without.status(), with.status(), target + ": the token changes nothing off the route");
            }
        }
        int calls = Integer.parseInt(send("GET", "/calls").text());
        assertTrue(calls == before || calls == before + 3, target + ": only the calls with a token reach the handler");
    }

    @Test
    void everyEncodedSpellingOfTheGuardedPathIsRoutedThroughTheGate() throws IOException {
        for (String target : List.of("/%61dmin/stats", "/%61%64%6d%69%6e/%73tats", "/admin/%73tats")) {
            assertEquals(401, send("GET", target).status(), target);
        }
    }
}
