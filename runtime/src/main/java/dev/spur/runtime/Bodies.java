package dev.spur.runtime;

import io.helidon.common.GenericType;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads request bodies for generated code; unreadable input is a 4xx problem, never a 500.
 *
 * <p>A body that breaks the transport (larger than the payload limit, malformed chunked framing,
 * the client gone before it was complete) leaves as Helidon's own exception, so that Helidon
 * answers it through Spur's direct handlers (413 or 400 problem) and closes the connection, whose
 * framing can no longer be trusted.
 */
public final class Bodies {

    private Bodies() {
    }

    /** The body as UTF-8 text (empty when there is none). */
    public static String text(ServerRequest request) {
        return request.content().hasEntity() ? read(() -> request.content().as(String.class)) : "";
    }

    /** The body's bytes (empty when there is none). */
    public static byte[] bytes(ServerRequest request) {
        return request.content().hasEntity() ? read(() -> request.content().as(byte[].class)) : new byte[0];
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
        // Read the whole body first (it is bounded by the payload limit), so that a transport failure
        // can never be mistaken for invalid JSON, nor a JSON error for a transport failure.
        byte[] body = read(() -> request.content().as(byte[].class));
        T value;
        try {
            value = request.listenerContext().mediaContext()
                    .reader(type, request.headers())
                    .read(type, new ByteArrayInputStream(body), request.headers());
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

    private static boolean isJson(HttpMediaType type) {
        String subtype = type.subtype();
        return type.type().equals("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** Reads the entity, turning every way the transport can fail into Helidon's own exception. */
    private static <T> T read(Supplier<T> entity) {
        try {
            return entity.get();
        } catch (RequestException | CloseConnectionException e) {
            throw e;
        } catch (UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
            throw new CloseConnectionException("The client stopped sending the request body", e);
        } catch (RuntimeException e) {
            // Helidon 4.5 reports some malformed framing (a chunk size that is not hexadecimal) as a
            // bare NumberFormatException from its reader.
            throw RequestException.builder()
                    .type(DirectHandler.EventType.BAD_REQUEST)
                    .status(Status.BAD_REQUEST_400)
                    .setKeepAlive(false)
                    .message("Malformed request body framing")
                    .cause(e)
                    .build();
        }
    }
}
