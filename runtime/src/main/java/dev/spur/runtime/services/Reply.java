package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;

import io.helidon.common.GenericType;
import io.helidon.common.LazyValue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.MediaContext;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a binding turns a route's successful answer back into the handler's return type: the value
 * itself when it was handed over in process, else the body read as the route wrote it. Generated
 * binding clients hold one per route.
 */
public abstract sealed class Reply<T> permits Reply.Json, Reply.Optionally, Reply.Text, Reply.Bytes, Reply.None {

    private static final LazyValue<MediaContext> MEDIA = LazyValue.create(MediaContext::create);
    private static final Headers JSON_HEADERS = WritableHeaders.create()
            .set(HeaderNames.CONTENT_TYPE, "application/json");

    private Reply() {
    }

    /** A route that answers JSON of {@code type}. */
    public static <T> Reply<T> json(GenericType<T> type) {
        return new Json<>(type);
    }

    /** A route that answers JSON of {@code type}. */
    public static <T> Reply<T> json(Class<T> type) {
        return new Json<>(GenericType.create(type));
    }

    /** A route that returns {@code Optional<T>}: JSON of {@code type}, or a 404 for an empty one. */
    public static <T> Reply<Optional<T>> optional(GenericType<T> type) {
        return new Optionally<>(new Json<>(type));
    }

    /** A route that returns {@code Optional<T>}: JSON of {@code type}, or a 404 for an empty one. */
    public static <T> Reply<Optional<T>> optional(Class<T> type) {
        return optional(GenericType.create(type));
    }

    /** A route that answers text. */
    public static Reply<String> text() {
        return Text.INSTANCE;
    }

    /** A route that answers bytes (or a full {@code Response}: its body's bytes). */
    public static Reply<byte[]> bytes() {
        return Bytes.INSTANCE;
    }

    /** A route that answers no body ({@code void}). */
    public static Reply<Void> none() {
        return None.INSTANCE;
    }

    /** Whether an answer of {@code status} is a value of this reply rather than a failure. */
    boolean accepts(int status) {
        return status >= 200 && status < 300;
    }

    /** The value of a successful answer. */
    abstract T read(Exchange answered);

    static final class Json<T> extends Reply<T> {
        private final GenericType<T> type;

        Json(GenericType<T> type) {
            this.type = type;
        }

        @Override
        T read(Exchange answered) {
            Optional<Object> value = answered.responseValue();
            if (value.isPresent() && type.rawType().isInstance(value.get())) {
                @SuppressWarnings("unchecked")
                T handedOver = (T) value.get();
                return handedOver;
            }
            byte[] body = answered.responseBody().orElse(null);
            if (answered.status() == 204 || body == null || body.length == 0) {
                return null;
            }
            return MEDIA.get().reader(type, JSON_HEADERS).read(type, new ByteArrayInputStream(body), JSON_HEADERS);
        }
    }

    static final class Optionally<T> extends Reply<Optional<T>> {
        private final Json<T> json;

        Optionally(Json<T> json) {
            this.json = json;
        }

        @Override
        boolean accepts(int status) {
            return status == 404 || super.accepts(status);
        }

        @Override
        Optional<T> read(Exchange answered) {
            return answered.status() == 404 ? Optional.empty() : Optional.ofNullable(json.read(answered));
        }
    }

    static final class Text extends Reply<String> {
        static final Text INSTANCE = new Text();

        @Override
        String read(Exchange answered) {
            return new String(answered.responseBody().orElse(new byte[0]), StandardCharsets.UTF_8);
        }
    }

    static final class Bytes extends Reply<byte[]> {
        static final Bytes INSTANCE = new Bytes();

        @Override
        byte[] read(Exchange answered) {
            return answered.responseBody().orElse(new byte[0]);
        }
    }

    static final class None extends Reply<Void> {
        static final None INSTANCE = new None();

        @Override
        Void read(Exchange answered) {
            return null;
        }
    }
}
