package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Response;
import io.helidon.common.GenericType;
import io.helidon.common.LazyValue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.MediaContext;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers with handler results; called by generated code, one method per kind of return type. */
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

    /** The answer to a handler that returned nothing: 204 unless it wrote Helidon's response itself. */
    public static void noContent(Exchange exchange) {
        if (!exchange.answered()) {
            exchange.respond(204, null, null);
        }
    }

    /** Answers with text as {@code text/plain; charset=UTF-8}; null is a 204. */
    public static void text(Exchange exchange, String body) {
        if (body == null) {
            noContent(exchange);
            return;
        }
        exchange.respond(200, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with raw bytes as {@code application/octet-stream}; null is a 204. */
    public static void bytes(Exchange exchange, byte[] body) {
        if (body == null) {
            noContent(exchange);
            return;
        }
        exchange.respond(200, OCTETS, body);
    }

    /**
     * Answers with an object as JSON through Helidon's media support; null is a 204. The request's
     * {@code Accept} plays no part: a route that declares no {@code produces} answers with its
     * handler's type whatever the client accepts (RFC 9110 12.5.1 lets a server ignore
     * {@code Accept}); routes that declare one negotiate before the handler runs (406).
     */
    public static void json(Exchange exchange, Object body) {
        if (body == null) {
            noContent(exchange);
            return;
        }
        if (exchange.keepsValues()) {
            exchange.respondValue(200, JSON, body);
        } else {
            exchange.respond(200, JSON, entityBytes(body, JSON));
        }
    }

    /**
     * The bytes of {@code entity} as Helidon's media support writes it for {@code contentType}, as
     * if the request had accepted anything: the entity is serialised whole before any of the
     * answer is written, so a failure is still a clean problem answer.
     */
    public static byte[] entityBytes(Object entity, String contentType) {
        GenericType<Object> type = GenericType.create(entity);
        WritableHeaders<?> headers = WritableHeaders.create().set(HeaderNames.CONTENT_TYPE, contentType);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        MEDIA.get().writer(type, ANY_ACCEPTED, headers).write(type, entity, bytes, ANY_ACCEPTED, headers);
        return bytes.toByteArray();
    }

    /** Answers with a stream as {@code application/octet-stream}, copied to the client and then closed; null is a 204. */
    public static void stream(Exchange exchange, java.io.InputStream body) {
        if (body == null) {
            noContent(exchange);
            return;
        }
        exchange.respondStream(200, OCTETS, Streams.of(body));
    }

    /** Answers with the body {@code writer} streams, as {@code application/octet-stream}; null is a 204. */
    public static void writer(Exchange exchange, dev.spur.runtime.BodyWriter writer) {
        if (writer == null) {
            noContent(exchange);
            return;
        }
        exchange.respondStream(200, OCTETS, writer);
    }

    /** Answers with an optional result as JSON; an empty one is a 404 problem. */
    public static void optional(Exchange exchange, Optional<?> body) {
        json(exchange, body.orElseThrow(() -> HttpProblem.notFound("The requested resource does not exist.")));
    }

    /** Answers with a full {@link Response}. */
    public static void full(Exchange exchange, Response result) {
        Object body = result.body();
        String contentType = null;
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("content-type") && !header.getValue().isEmpty()) {
                contentType = header.getValue().getFirst();
            }
        }
        if (body instanceof java.io.InputStream || body instanceof dev.spur.runtime.BodyWriter) {
            dev.spur.runtime.BodyWriter writer = body instanceof java.io.InputStream in ? Streams.of(in)
                    : (dev.spur.runtime.BodyWriter) body;
            exchange.respondStream(result.status(), contentType == null ? OCTETS : contentType, writer);
            copyHeaders(exchange, result);
            return;
        }
        // serialise first: if that fails, the 500 problem carries none of this answer's headers
        byte[] bytes = switch (body) {
            case null -> null;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case byte[] raw -> raw;
            default -> entityBytes(body, contentType == null ? JSON : contentType);
        };
        if (contentType == null && body != null) {
            contentType = switch (body) {
                case String text -> TEXT;
                case byte[] raw -> OCTETS;
                default -> JSON;
            };
        }
        exchange.respond(result.status(), contentType, bytes);
        copyHeaders(exchange, result);
    }

    private static void copyHeaders(Exchange exchange, Response result) {
        WritableHeaders<?> headers = exchange.responseHeaders();
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-type")) {
                headers.set(HeaderNames.create(header.getKey()), header.getValue());
            }
        }
    }

    /**
     * Answers a request that no route took: 204 with {@code Allow} for an OPTIONS request, 405
     * with {@code Allow} for another method, or 404 when {@code allow} is null (no route for any
     * method matches the path), unless static content mounted on the server answers it.
     */
    public static void noRoute(Exchange exchange, String allow) {
        if (allow == null) {
            if (StaticFiles.answer(exchange)) {
                return;
            }
            throw new HttpProblem(404, "Not Found", "No route matches the request path.");
        }
        exchange.responseHeaders().set(HeaderNames.ALLOW, allow);
        if (exchange.method().equals("OPTIONS")) {
            exchange.respond(204, null, null);
        } else {
            throw new HttpProblem(405, "Method Not Allowed",
                    "The request method is not allowed for this path; see the Allow header.");
        }
    }
}
