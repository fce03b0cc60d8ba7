package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import io.helidon.common.LazyValue;
import io.helidon.http.media.MediaContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.common.GenericType;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /**
     * A streaming JSON parser factory, for checking a body's syntax before data binding; a field
     * given twice in one object is an error (data binding would keep the last one silently).
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /**
     * Helidon's JSON media support, its Jackson set to read strictly: a field the type does not have,
     * a missing or null primitive, a string where a number belongs ({@code "5"}), a fraction for an
     * integer, or a number for an enum is an error, never a silent default or coercion.
     */
    private static final LazyValue<MediaContext> MEDIA = LazyValue.create(() -> MediaContext.builder()
            .mediaSupportsDiscoverServices(false)
            .addMediaSupport(JacksonSupport.create(jackson -> jackson
                    .putProperty("FAIL_ON_UNKNOWN_PROPERTIES", true)
                    .putProperty("FAIL_ON_NULL_FOR_PRIMITIVES", true)
                    .putProperty("FAIL_ON_NUMBERS_FOR_ENUMS", true)
                    .putProperty("ACCEPT_FLOAT_AS_INT", false)
                    .putProperty("ALLOW_COERCION_OF_SCALARS", false)))
            .build());

    private Bodies() {
    }

    /**
     * The body as text in the charset its {@code Content-Type} names, UTF-8 when it names none
     * (empty when there is no body); an unknown charset is a 415.
     */
    public static String text(Exchange exchange) {
        if (exchange.requestValue() instanceof String handedOver) {
            return handedOver;
        }
        if (!exchange.hasBody()) {
            return "";
        }
        Charset charset = charset(exchange);
        // Read bytes and decode here: Helidon's String reader, on closing, drains a chunked body
        // whose framing already failed, and can wait for bytes that never come.
        return decodeStrictly(exchange.body(), charset);
    }

    private static Charset charset(Exchange exchange) {
        Optional<String> name = contentType(exchange).flatMap(HttpMediaType::charset);
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(415, "Unsupported Media Type", "The request body's charset is not supported.");
        }
    }

    /** The body's bytes (empty when there is none). */
    public static byte[] bytes(Exchange exchange) {
        if (exchange.requestValue() instanceof byte[] handedOver) {
            return handedOver.clone();
        }
        return exchange.body();
    }

    /** The body read as JSON into {@code type}. */
    public static <T> T json(Exchange exchange, Class<T> type) {
        return json(exchange, GenericType.create(type));
    }

    /** The body read as JSON into {@code type}. */
    public static <T> T json(Exchange exchange, GenericType<T> type) {
        Object handedOver = exchange.requestValue();
        if (handedOver != null && type.rawType().isInstance(handedOver)) {
            // a binding's value, typed by the generated client as this route's body type: no JSON in between
            @SuppressWarnings("unchecked")
            T value = (T) handedOver;
            return value;
        }
        Optional<HttpMediaType> contentType = contentType(exchange);
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "The request body must be JSON (Content-Type: application/json or application/*+json).");
        }
        if (!exchange.hasBody()) {
            throw HttpProblem.badRequest("A JSON request body is required.");
        }
        Optional<String> charset = contentType.flatMap(HttpMediaType::charset);
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw new HttpProblem(415, "Unsupported Media Type", "A JSON request body is UTF-8 (RFC 8259); "
                    + "send no charset parameter, or charset=utf-8.");
        }
        // Read the whole body first (it is bounded by the payload limit), so that a transport failure
        // can never be mistaken for invalid JSON, nor a JSON error for a transport failure.
        byte[] body = exchange.body();
        requireOneJsonValue(body);
        // Helidon's JSON reader takes application/json only; a +json type is JSON all the same.
        Headers headers = WritableHeaders.create().set(HeaderNames.CONTENT_TYPE, "application/json");
        T value;
        try {
            value = MEDIA.get()
                    .reader(type, headers)
                    .read(type, new ByteArrayInputStream(body), headers);
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException e) {
            // Helidon wraps Jackson's exception, which knows the field and what was expected there
            throw e.getCause() instanceof JsonMappingException mapping ? JsonProblems.mapping(mapping)
                    : HttpProblem.badRequest("The request body is not valid JSON for this route.");
        }
        if (value == null) {
            throw HttpProblem.badRequest("The request body must not be JSON null.");
        }
        return value;
    }

    /**
     * Refuses, with a 400, a body that is not one JSON value in strict UTF-8: invalid UTF-8 (which a
     * lenient decoder would turn into U+FFFD), malformed JSON, or anything but whitespace after the
     * value ({@code {...} xyz}), which Jackson's data binding would silently ignore.
     */
    private static void requireOneJsonValue(byte[] body) {
        decodeStrictly(body, StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                throw HttpProblem.badRequest("A JSON request body is required.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw HttpProblem.badRequest("The request body has more after its JSON value.");
            }
        } catch (JsonProcessingException e) {
            throw JsonProblems.syntax(e);
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body is not valid JSON.");
        }
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, for {@code @Form} parameters
     * (none when there is no body). Another {@code Content-Type}, none with a body, or a charset
     * other than UTF-8 is a 415; a malformed body is a 400.
     */
    public static FormFields form(Exchange exchange) {
        if (!exchange.hasBody()) {
            return FormFields.empty();
        }
        Optional<HttpMediaType> contentType = contentType(exchange);
        if (contentType.isEmpty() || !contentType.get().type().equalsIgnoreCase("application")
                || !contentType.get().subtype().equalsIgnoreCase("x-www-form-urlencoded")) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "The request body must be a form (Content-Type: application/x-www-form-urlencoded).");
        }
        Optional<String> charset = contentType.flatMap(HttpMediaType::charset);
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "A form body is UTF-8; send no charset parameter, or charset=utf-8.");
        }
        return FormFields.parse(exchange.body());
    }

    /** {@code body} as text in {@code charset}; bytes that are not valid in it are a 400, never a silent U+FFFD. */
    private static String decodeStrictly(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("The request body is not valid " + charset.name() + " text.");
        }
    }

    /** {@code application/json} or a {@code +json} structured syntax type such as {@code application/problem+json}. */
    private static boolean isJson(HttpMediaType type) {
        String subtype = type.subtype().toLowerCase(java.util.Locale.ROOT);
        return type.type().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** The request's Content-Type; a malformed one is a 400. */
    private static Optional<HttpMediaType> contentType(Exchange exchange) {
        try {
            return exchange.headers().contentType();
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("The Content-Type header is not a valid media type.");
        }
    }
}
