package dev.spur.processor.model;

import com.palantir.javapoet.TypeName;

import java.util.List;

/** How one handler parameter gets its value. */
public sealed interface ParamModel {

    /** The handler parameter's name. */
    String name();

    /** A path parameter: segment {@code segment} of the path, or the rest from it for a catch-all. */
    record Path(String name, int segment, boolean catchAll, ValueType valueType, TypeName type)
            implements ParamModel {
    }

    /**
     * A query parameter, header, cookie or form field named {@code key}. {@code type} is the value
     * type (the element type of an {@code Optional}, {@code List} or {@code Set});
     * {@code defaultValue} is null when none is given.
     */
    record Named(String name, String key, Source source, ValueType valueType, TypeName type, Arity arity,
                 String defaultValue) implements ParamModel {

        /** Whether it is a header. */
        public boolean header() {
            return source == Source.HEADER;
        }

        /** Whether the handler takes it as an {@code Optional}. */
        public boolean optional() {
            return arity == Arity.OPTIONAL;
        }

        /** Whether the handler takes every value, as a {@code List} or {@code Set}. */
        public boolean many() {
            return arity == Arity.LIST || arity == Arity.SET;
        }

        /** The parameter as problems name it: {@code query parameter 'page'}. */
        public String what() {
            return source.what() + " '" + key + "'";
        }
    }

    /** A record read from the fields of a form body: one field per component, in component order. */
    record FormRecord(String name, TypeName type, List<Named> fields) implements ParamModel {

        /** A form record; {@code fields} are copied. */
        public FormRecord {
            fields = List.copyOf(fields);
        }
    }

    /** The request body as text, bytes or JSON. */
    record Body(String name, BodyKind kind, TypeName type) implements ParamModel {
    }

    /** Helidon's {@code ServerRequest} or {@code ServerResponse} itself. */
    record Exchange(String name, boolean response) implements ParamModel {
    }

    /**
     * What exists only as a stream over a live request: a multipart body read part by part (with
     * its limits), the raw body as an {@code InputStream}, or a Server-Sent Events sink.
     */
    record Streamed(String name, StreamKind kind, Limits limits) implements ParamModel {
    }

    /** What a {@link Streamed} parameter is. */
    enum StreamKind {
        /** The runtime's {@code Multipart}: a {@code multipart/*} body, part by part. */
        MULTIPART,
        /** {@code java.io.InputStream}: the body as it arrives. */
        BODY,
        /** Helidon's {@code SseSink}: the answer as Server-Sent Events. */
        EVENTS
    }

    /** The limits of a multipart body ({@code @MultipartLimits}, or its defaults). */
    record Limits(long maxPartSize, long maxSize, int maxParts, int maxHeaderSize) {
        /** The defaults of {@code @MultipartLimits}. */
        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, -1, 100, 8 * 1024);
    }

    /** Where a named parameter's text comes from. */
    enum Source {
        /** The query string ({@code @Query}). */
        QUERY("query parameter"),
        /** A request header ({@code @Header}). */
        HEADER("header"),
        /** The {@code Cookie} header ({@code @Cookie}). */
        COOKIE("cookie"),
        /** An {@code application/x-www-form-urlencoded} body ({@code @Form}). */
        FORM("form field");

        private final String what;

        Source(String what) {
            this.what = what;
        }

        /** What a parameter of this source is called in messages: {@code query parameter}. */
        public String what() {
            return what;
        }
    }

    /** How many values a named parameter takes, by its Java type. */
    enum Arity {
        /** {@code T}: exactly one (or its default). */
        ONE,
        /** {@code Optional<T>}: one or none. */
        OPTIONAL,
        /** {@code List<T>}: every value, in order; none is an empty list. */
        LIST,
        /** {@code Set<T>}: every value, repeats once, in first-seen order; none is an empty set. */
        SET
    }

    /** How a body is read. */
    enum BodyKind {
        /** UTF-8 text. */
        TEXT,
        /** Raw bytes. */
        BYTES,
        /** JSON mapped to the parameter's type. */
        JSON
    }
}
