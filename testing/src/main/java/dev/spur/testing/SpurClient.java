package dev.spur.testing;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.Router;
import io.helidon.http.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A client for tests, the same whichever way the application runs: {@link #inProcess(Router)}
 * routes each request through the router's whole generated chain on an in-memory
 * {@link Exchange} (no server, no socket, no HTTP bytes); {@link #onPort(URI)} sends real HTTP
 * requests to a running server.
 *
 * <pre>{@code
 * SpurClient client = SpurClient.inProcess(SpurRouter.create());
 * client.post("/items").json("{\"name\":\"a\"}").send().assertStatus(201);
 * client.get("/items/1").send().assertJson("/name", "a");
 * }</pre>
 */
public final class SpurClient {

    private final Transport transport;
    private final Map<String, String> defaults;

    private SpurClient(Transport transport, Map<String, String> defaults) {
        this.transport = transport;
        this.defaults = Map.copyOf(defaults);
    }

    /** A client that runs requests through {@code router} in this process, on in-memory exchanges. */
    public static SpurClient inProcess(Router router) {
        Objects.requireNonNull(router, "router");
        return new SpurClient(new InProcess(router), Map.of());
    }

    /** A client that sends HTTP requests to the server at {@code base} ({@code http://127.0.0.1:8080}). */
    public static SpurClient onPort(URI base) {
        return new SpurClient(new OverHttp(base), Map.of());
    }

    /** This client, sending header {@code name: value} with every request (a token, say). */
    public SpurClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(defaults);
        more.put(name, Objects.requireNonNull(value, "value"));
        return new SpurClient(transport, more);
    }

    /** This client, sending {@code Authorization: Bearer <token>} with every request. */
    public SpurClient withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** A request of {@code method} to {@code target} (a path with an optional query). */
    public TestRequest request(String method, String target) {
        return new TestRequest(this, method, target);
    }

    /** A {@code GET} request. */
    public TestRequest get(String target) {
        return request("GET", target);
    }

    /** A {@code HEAD} request. */
    public TestRequest head(String target) {
        return request("HEAD", target);
    }

    /** A {@code POST} request. */
    public TestRequest post(String target) {
        return request("POST", target);
    }

    /** A {@code PUT} request. */
    public TestRequest put(String target) {
        return request("PUT", target);
    }

    /** A {@code PATCH} request. */
    public TestRequest patch(String target) {
        return request("PATCH", target);
    }

    /** A {@code DELETE} request. */
    public TestRequest delete(String target) {
        return request("DELETE", target);
    }

    TestResponse send(String method, String target, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        defaults.forEach((name, value) -> all.put(name, List.of(value)));
        all.putAll(headers);
        return transport.send(method, target, all, body);
    }

    /** How a request reaches the application. */
    private interface Transport {
        TestResponse send(String method, String target, Map<String, List<String>> headers, byte[] body);
    }

    private record InProcess(Router router) implements Transport {
        @Override
        public TestResponse send(String method, String target, Map<String, List<String>> headers, byte[] body) {
            Exchange.Builder builder = Exchange.request(method, target).localPort(0).protocolVersion("1.1");
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            if (body != null) {
                builder.body(body);
            }
            Exchange exchange = builder.build();
            router.route(exchange);
            Map<String, List<String>> answerHeaders = new TreeMap<>();
            for (Header header : exchange.responseHeaders()) {
                answerHeaders.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .addAll(header.allValues());
            }
            // over the network a HEAD answer has no body either
            byte[] bytes = method.equals("HEAD") ? new byte[0] : exchange.responseBody().orElse(new byte[0]);
            return new TestResponse(method + " " + target, exchange.status(), answerHeaders, bytes);
        }
    }

    private record OverHttp(URI base, HttpClient client) implements Transport {
        OverHttp(URI base) {
            this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }

        @Override
        public TestResponse send(String method, String target, Map<String, List<String>> headers, byte[] body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, List<String>> answerHeaders = new TreeMap<>();
                response.headers().map().forEach((name, values) ->
                        answerHeaders.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .addAll(values));
                return new TestResponse(method + " " + target, response.statusCode(), answerHeaders,
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + target + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + target + " was interrupted", e);
            }
        }
    }

    /** Text as UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
