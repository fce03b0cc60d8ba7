package dev.spur.bench.startup;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The start-up baseline: the example app's index and hello routes written by hand against
 * Helidon 4 SE's {@code HttpRouting}, configured as {@code SpurServer} configures its server.
 * Argument: the port (default 8080).
 */
public final class HelidonHelloMain {

    private static final String TEXT = "text/plain; charset=UTF-8";

    private HelidonHelloMain() {
    }

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        WebServer server = WebServer.builder()
                .host("0.0.0.0")
                .port(port)
                .maxPayloadSize(10L * 1024 * 1024)
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .shutdownHook(false)
                .routing(routing -> routing
                        .get("/", HelidonHelloMain::index)
                        .get("/hello/{name}", HelidonHelloMain::hello))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Hand-written Helidon app listening on http://localhost:" + server.port() + "/");
    }

    private static void index(ServerRequest request, ServerResponse response) {
        text(response, "Spur example API\n");
    }

    private static void hello(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        String greeting = request.query().first("greeting").orElse("Hello");
        int times;
        try {
            times = Integer.parseInt(request.query().first("times").orElse("1"));
        } catch (NumberFormatException e) {
            response.status(400);
            text(response, "query parameter 'times' is not an int\n");
            return;
        }
        text(response, (greeting + ", " + name + "!\n").repeat(times));
    }

    private static void text(ServerResponse response, String body) {
        response.header(HeaderNames.CONTENT_TYPE, TEXT);
        response.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
