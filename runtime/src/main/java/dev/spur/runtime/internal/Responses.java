package dev.spur.runtime.internal;

import dev.spur.runtime.Response;
import dev.spur.runtime.HttpProblem;
import io.helidon.common.GenericType;
import io.helidon.common.LazyValue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.MediaContext;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes handler results; called by generated code, one method per kind of return type. */
public final class Responses {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String OCTETS = "application/octet-stream";
    private static final String JSON = "application/json";
    /** Request headers without {@code Accept}: everything is accepted. */
    private static final Headers ANY_ACCEPTED = WritableHeaders.create();
    /** Helidon's default media support (JSON through Jackson), as every Spur listener uses it. */
    private static final LazyValue<MediaContext> MEDIA = LazyValue.create(MediaContext::create);

    private Responses() {
    }

    /** The answer to a handler that returned nothing: 204 unless it wrote the response itself. */
    public static void noContent(ServerResponse response) {
        if (!response.isSent()) {
            response.status(Status.NO_CONTENT_204).send();
        }
    }

    /** Sends text as {@code text/plain; charset=UTF-8}; null is a 204. */
    public static void text(ServerResponse response, String body) {
        if (body == null) {
            noContent(response);
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, TEXT);
        response.send(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes as {@code application/octet-stream}; null is a 204. */
    public static void bytes(ServerResponse response, byte[] body) {
        if (body == null) {
            noContent(response);
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, OCTETS);
        response.send(body);
    }

    /**
     * Sends an object as JSON through Helidon's media support; null is a 204. The request's
     * {@code Accept} plays no part: a route that declares no {@code produces} answers with its
     * handler's type whatever the client accepts (RFC 9110 12.5.1 lets a server ignore
     * {@code Accept}); routes that declare one negotiate before the handler runs (406).
     */
    public static void json(ServerResponse response, Object body) {
        if (body == null) {
            noContent(response);
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(entityBytes(body, response.headers()));
    }

    /**
     * The bytes of {@code entity} as Helidon's media support writes it for the content type in
     * {@code responseHeaders}, as if the request had accepted anything: the entity is serialised
     * whole before any of the answer is written, so a failure is still a clean problem answer.
     */
    static byte[] entityBytes(Object entity, WritableHeaders<?> responseHeaders) {
        GenericType<Object> type = GenericType.create(entity);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        MEDIA.get().writer(type, ANY_ACCEPTED, responseHeaders)
                .write(type, entity, bytes, ANY_ACCEPTED, responseHeaders);
        return bytes.toByteArray();
    }

    /** Sends an optional result as JSON; an empty one is a 404 problem. */
    public static void optional(ServerResponse response, Optional<?> body) {
        json(response, body.orElseThrow(() -> HttpProblem.notFound("The requested resource does not exist.")));
    }

    /** Sends a full {@link Response}. */
    public static void full(ServerResponse response, Response result) {
        Object body = result.body();
        boolean typed = result.headers().keySet().stream().anyMatch("content-type"::equalsIgnoreCase);
        if (body != null && !(body instanceof String) && !(body instanceof byte[])) {
            // serialise first: if that fails, the 500 problem carries none of this answer's headers
            if (!typed) {
                response.header(HeaderNames.CONTENT_TYPE, JSON);
            }
            for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
                if (header.getKey().equalsIgnoreCase("content-type")) {
                    response.header(header.getKey(), header.getValue().toArray(String[]::new));
                }
            }
            body = entityBytes(body, response.headers());
            typed = true;
        }
        response.status(Status.create(result.status()));
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            response.header(header.getKey(), header.getValue().toArray(String[]::new));
        }
        switch (body) {
            case null -> response.send();
            case String text -> {
                if (!typed) {
                    response.header(HeaderNames.CONTENT_TYPE, TEXT);
                }
                response.send(text.getBytes(StandardCharsets.UTF_8));
            }
            case byte[] bytes -> {
                if (!typed) {
                    response.header(HeaderNames.CONTENT_TYPE, OCTETS);
                }
                response.send(bytes);
            }
            default -> throw new IllegalStateException("serialised above: " + body.getClass());
        }
    }

    /**
     * Answers a request that no route took: 204 with {@code Allow} for an OPTIONS request, 405
     * with {@code Allow} for another method, or 404 when {@code allow} is null (no route for any
     * method matches the path).
     */
    public static void noRoute(ServerRequest request, ServerResponse response, String allow) {
        if (allow == null) {
            Problems.send(response, 404, "Not Found", "No route matches the request path.", null);
        } else if (request.prologue().method().text().equals("OPTIONS")) {
            response.header(HeaderNames.ALLOW, allow);
            response.status(Status.NO_CONTENT_204).send();
        } else {
            response.header(HeaderNames.ALLOW, allow);
            Problems.send(response, 405, "Method Not Allowed",
                    "The request method is not allowed for this path; see the Allow header.", null);
        }
    }
}
