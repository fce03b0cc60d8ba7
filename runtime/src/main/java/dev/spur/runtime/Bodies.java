package dev.spur.runtime;

import io.helidon.common.GenericType;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/** Reads request bodies for generated code; unreadable input is a 4xx problem, never a 500. */
public final class Bodies {

    private Bodies() {
    }

    /** The body as UTF-8 text (empty when there is none). */
    public static String text(ServerRequest request) {
        return request.content().hasEntity() ? request.content().as(String.class) : "";
    }

    /** The body's bytes (empty when there is none). */
    public static byte[] bytes(ServerRequest request) {
        return request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
    }

    /** The body read as JSON into {@code type}. */
    public static <T> T json(ServerRequest request, Class<T> type) {
        return json(request, GenericType.create(type));
    }

    /** The body read as JSON into {@code type}. */
    public static <T> T json(ServerRequest request, GenericType<T> type) {
        Optional<HttpMediaType> contentType = request.headers().contentType();
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "The request body must be JSON (Content-Type: application/json).");
        }
        if (!request.content().hasEntity()) {
            throw HttpProblem.badRequest("A JSON request body is required.");
        }
        T value;
        try {
            value = request.content().as(type);
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("The request body is not valid JSON for this route.");
        }
        if (value == null) {
            throw HttpProblem.badRequest("The request body must not be JSON null.");
        }
        return value;
    }

    /** Only {@code application/json}: Helidon's JSON media support reads no other type. */
    private static boolean isJson(HttpMediaType type) {
        return type.type().equalsIgnoreCase("application") && type.subtype().equalsIgnoreCase("json");
    }
}
