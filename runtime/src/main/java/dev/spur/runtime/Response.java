package dev.spur.runtime;

import io.helidon.http.HeaderName;
import io.helidon.http.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A handler's full answer: status, headers and an optional body (a {@code String}, a
 * {@code byte[]}, an {@code InputStream} or a {@link BodyWriter} streamed to the client, or any
 * other object written as JSON).
 *
 * @param status  the HTTP status code
 * @param headers response headers, in order
 * @param body    the body, or null for none
 */
public record Response(int status, Map<String, List<String>> headers, Object body) {

    /** Validates the status and copies the headers. */
    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100..599: " + status);
        }
        headers = Map.copyOf(headers);
    }

    /** A response with the given status and body and no extra headers. */
    public static Response of(int status, Object body) {
        return new Response(status, Map.of(), body);
    }

    /** A builder starting from {@code status}. */
    public static Builder status(int status) {
        return new Builder(status);
    }

    /** A builder starting from Helidon's {@code status}: {@code Response.status(Status.CREATED_201)}. */
    public static Builder status(Status status) {
        return new Builder(Objects.requireNonNull(status, "status").code());
    }

    /** Builds a {@link Response}. */
    public static final class Builder {
        private final int status;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        private Builder(int status) {
            this.status = status;
        }

        /** Adds a header value. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(value, "value");
            headers.merge(name, List.of(value), (a, b) -> {
                var all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            });
            return this;
        }

        /** Adds a header value under Helidon's name: {@code header(HeaderNames.LOCATION, "/items/1")}. */
        public Builder header(HeaderName name, String value) {
            return header(Objects.requireNonNull(name, "name").defaultCase(), value);
        }

        /** Finishes with a body. */
        public Response body(Object body) {
            return new Response(status, headers, body);
        }

        /** Finishes with no body. */
        public Response build() {
            return new Response(status, headers, null);
        }
    }
}
