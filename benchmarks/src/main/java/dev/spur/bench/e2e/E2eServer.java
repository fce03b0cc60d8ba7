package dev.spur.bench.e2e;

import dev.spur.bench.LookupFixture;
import dev.spur.bench.layers.LayerRouter;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.routesets.HandlerSource;
import dev.spur.tests.routesets.RouteSet;
import dev.spur.tests.support.InProcessCompiler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One of the three end-to-end servers, on 127.0.0.1, each answering {@code ok\n} as
 * {@code text/plain; charset=UTF-8} to every route:
 * <ul>
 *   <li>{@code spur}: Spur's generated router for a route set (compiled in-process at start);</li>
 *   <li>{@code helidon}: Helidon {@code HttpRouting} with the same routes registered in file order;</li>
 *   <li>{@code bare}: Helidon with a single handler for every request (the ceiling).</li>
 * </ul>
 * and {@code layers}: the layer benchmarks' {@link LayerRouter}, compiled in this module's build,
 * whose {@code GET /plain/{id}} and {@code GET /layer/{id}} (three layers) both answer {@code ok\n}
 * (the set is ignored).
 * Arguments: {@code KIND PORT [SET]} (set default {@code github-api}). Prints {@code READY port}.
 */
public final class E2eServer {

    static final String TEXT = "text/plain; charset=UTF-8";
    static final String ANSWER = "ok\n";
    private static final long MAX_PAYLOAD = 10L * 1024 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private E2eServer() {
    }

    /** Starts the server and keeps running until killed. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: E2eServer spur|helidon|bare|layers PORT [SET]");
            System.exit(2);
        }
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        String setName = args.length > 2 ? args[2] : "github-api";
        int actual = start(kind, port, setName);
        System.out.println("READY " + actual);
    }

    /** Starts a server of {@code kind}; returns its port. */
    public static int start(String kind, int port, String setName) throws Exception {
        return switch (kind) {
            case "spur" -> {
                RouteSet set = RouteSet.read(RouteSet.defaultFolder().resolve(setName + ".routes"));
                SpurServer server = SpurServer.builder(compile(set)).host("127.0.0.1").port(port).start();
                yield server.port();
            }
            case "helidon" -> {
                RouteSet set = RouteSet.read(RouteSet.defaultFolder().resolve(setName + ".routes"));
                yield helidon(port, routing -> {
                    for (RouteSet.Route route : set.routes()) {
                        routing.route(Method.create(route.method()),
                                LookupFixture.helidonTemplate(route.template()), E2eServer::answer);
                    }
                });
            }
            case "layers" -> SpurServer.builder(LayerRouter.create()).host("127.0.0.1").port(port).start().port();
            case "bare" -> helidon(port, routing -> routing.any(E2eServer::answer));
            default -> throw new IllegalArgumentException("unknown server kind " + kind);
        };
    }

    /** The fixed answer, written the way Spur's {@code Responses.text} writes a String. */
    private static void answer(io.helidon.webserver.http.ServerRequest req,
                               io.helidon.webserver.http.ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, TEXT);
        res.send(ANSWER.getBytes(StandardCharsets.UTF_8));
    }

    /** A Helidon server configured as {@code SpurServer} configures its own. */
    private static int helidon(int port, java.util.function.Consumer<HttpRouting.Builder> routes) {
        WebServerConfig.Builder config = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .maxPayloadSize(MAX_PAYLOAD)
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .shutdownGracePeriod(GRACE)
                .shutdownHook(false)
                .routing(routes::accept);
        return config.build().start().port();
    }

    /** Compiles the set with handlers answering {@link #ANSWER}; returns the generated router. */
    private static Router compile(RouteSet set) throws ReflectiveOperationException {
        String pkg = "e2e.set" + set.javaName().toLowerCase(java.util.Locale.ROOT);
        Path folder = LookupFixture.tempFolder("spur-e2e-" + set.name() + "-");
        ClassLoader loader = InProcessCompiler.compile(folder,
                Map.of(pkg.replace('.', '/') + "/Handlers.java", fixedAnswerSource(set, pkg)), pkg + ".Router");
        return (Router) loader.loadClass(pkg + ".Router").getMethod("create").invoke(null);
    }

    /** A handler class with one {@code @Route} method per route, each returning {@link #ANSWER}. */
    static String fixedAnswerSource(RouteSet set, String pkg) {
        StringBuilder source = new StringBuilder("package ").append(pkg).append(";\n\n")
                .append("import dev.spur.Route;\n\n")
                .append("/** Handlers of route set '").append(set.name()).append("' answering a fixed text. */\n")
                .append("public class Handlers {\n");
        for (RouteSet.Route route : set.routes()) {
            List<String> params = HandlerSource.parameterNames(route.template());
            source.append("\n    @Route(method = \"").append(route.method()).append("\", path = \"")
                    .append(route.template().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\")\n    public String r").append(route.id()).append('(')
                    .append(params.stream().map(p -> "String " + p).collect(Collectors.joining(", ")))
                    .append(") {\n        return \"ok\\n\";\n    }\n");
        }
        return source.append("}\n").toString();
    }
}
