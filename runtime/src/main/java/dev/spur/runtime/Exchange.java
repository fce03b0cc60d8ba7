package dev.spur.runtime;

import dev.spur.runtime.internal.MemoryExchange;
import dev.spur.runtime.internal.RequestPath;
import dev.spur.runtime.internal.Responses;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and its answer, as Spur's layers, hijacks and generated handlers see them. Over the
 * network it is a thin adapter over Helidon's request and response (nothing is copied); built
 * with {@link #request(String, String)} it lives in memory, with no server, socket or HTTP bytes.
 *
 * <p>The request side carries what {@code @Match} conditions and parameters read: method, path
 * (raw and canonical), query, headers, a body read on demand, and the connection facts (local
 * port, listener, remote address, TLS, protocol version). Once routed it also carries the matched
 * {@link RouteInfo} and the decoded path parameters.
 *
 * <p>The answer (status, headers, body) stays on the exchange until the chain has run, so an
 * outer layer sees what an inner one or the handler answered, problems included: an
 * {@link HttpProblem}, a parameter that does not convert, the router's 404/405/406/415 and a
 * handler's exception are all answers here, and {@link #failure()} keeps the exception behind
 * one. A handler that takes Helidon's {@code ServerResponse} and writes it itself is the one
 * exception: its answer is on the wire already, and layers see only its status.
 *
 * <p>An exchange belongs to one request on one thread; it is not thread-safe.
 */
public abstract class Exchange {

    private RouteInfo route;
    private String[] parameterValues;
    private String canonicalPath;
    private int status;
    private byte[] body;
    private Throwable failure;
    private Map<Class<?>, Object> attributes;
    private boolean internal;
    private Object requestValue;
    private boolean keepsValues;
    private Object responseValue;
    private String responseValueType;
    private BodyWriter responseWriter;

    /** For the network adapter and the in-memory exchange. */
    protected Exchange() {
    }

    /**
     * An in-memory request to {@code target} (a path with an optional query, as on a request line:
     * {@code /bookmarks/1?full=true}); nothing is sent anywhere.
     */
    public static Builder request(String method, String target) {
        return new Builder(method, target);
    }

    // ---------------------------------------------------------------- the request

    /** The request method, as sent ({@code GET}). */
    public abstract String method();

    /** The path as sent, percent-encoded, without the query. */
    public abstract String rawPath();

    /**
     * The canonical path routing matches: percent-encoded octets that need no encoding decoded,
     * dot segments resolved, as {@code RequestPath} defines it. A path that has no canonical form
     * is a 400 problem.
     */
    public final String path() {
        String canonical = canonicalPath;
        if (canonical == null) {
            canonical = RequestPath.canonical(rawPath());
            canonicalPath = canonical;
        }
        return canonical;
    }

    /** The query parameters, decoded. */
    public abstract UriQuery query();

    /** The request headers. */
    public abstract Headers headers();

    /** The first value of header {@code name}. */
    public final Optional<String> header(HeaderName name) {
        return headers().first(name);
    }

    /** The request's authority ({@code Host}, or the absolute target's), or null when it has none. */
    public abstract String authority();

    /** Whether the request has a body. */
    public abstract boolean hasBody();

    /**
     * The whole request body (empty when there is none). Over the network it is read once, bounded
     * by the listener's payload limit; a body whose framing fails ends the connection.
     */
    public abstract byte[] body();

    /**
     * The request body as a stream, for a body too large to hold whole (an upload): over the network
     * it is read from the connection as the stream is read, bounded by the listener's payload limit;
     * in memory it reads {@link #body()}. Read the body one way only: as a stream or whole.
     */
    public java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body());
    }

    /** The local port the request came in on. */
    public abstract int localPort();

    /** The name of the listener (Helidon socket) the request came in on; {@code @default} for the main one. */
    public abstract String listener();

    /** The client's address, or empty when there is none (in memory, unless given). */
    public abstract Optional<InetAddress> remoteAddress();

    /** Whether the request came over TLS. */
    public abstract boolean secure();

    /** The protocol version ({@code 1.1}, {@code 2.0}). */
    public abstract String protocolVersion();

    /** Helidon's request behind this exchange; empty in memory. */
    public Optional<ServerRequest> serverRequest() {
        return Optional.empty();
    }

    /** Helidon's response behind this exchange; empty in memory. */
    public Optional<ServerResponse> serverResponse() {
        return Optional.empty();
    }

    // ---------------------------------------------------------------- routing facts

    /** The route that took the request; empty before routing and when none did (404, 405, ...). */
    public final Optional<RouteInfo> route() {
        return Optional.ofNullable(route);
    }

    /** The decoded value of path parameter {@code name} of the matched route. */
    public final Optional<String> pathParameter(String name) {
        if (route == null) {
            return Optional.empty();
        }
        int index = route.parameterNames().indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(parameterValues()[index]);
    }

    /** The decoded path parameters of the matched route by name, in template order; empty before routing. */
    public final Map<String, String> pathParameters() {
        if (route == null) {
            return Map.of();
        }
        String[] values = parameterValues();
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(route.parameterNames().get(i), values[i]);
        }
        return map;
    }

    private String[] parameterValues() {
        if (parameterValues == null) {
            parameterValues = route.parameterValues(path());
        }
        return parameterValues;
    }

    /** Records the route that took the request; the generated router calls it before the route's layers run. */
    public final void routed(RouteInfo matched) {
        this.route = Objects.requireNonNull(matched, "matched");
        this.parameterValues = null;
    }

    // ---------------------------------------------------------------- attributes

    /** The value a layer stored under {@code key}. */
    public final <T> Optional<T> attribute(Class<T> key) {
        return attributes == null ? Optional.empty() : Optional.ofNullable(key.cast(attributes.get(key)));
    }

    /** Stores {@code value} under its key class, for inner layers and handlers (e.g. a request id). */
    public final <T> void attribute(Class<T> key, T value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, key.cast(Objects.requireNonNull(value, "value")));
    }

    // ---------------------------------------------------------------- the answer

    /** The answer's status; 0 while nothing has answered. */
    public final int status() {
        return status != 0 ? status : sentStatus();
    }

    /** The status of an answer a handler wrote to Helidon's response itself, else 0. */
    protected int sentStatus() {
        return 0;
    }

    /** Whether something has answered: a handler, a layer, a problem. */
    public final boolean answered() {
        return status() != 0;
    }

    /** The answer's headers, writable until it is sent. */
    public abstract WritableHeaders<?> responseHeaders();

    /** The answer's body; empty when it has none. */
    public final Optional<byte[]> responseBody() {
        return Optional.ofNullable(serialisedBody());
    }

    /** The answer's body as UTF-8 text (empty when it has none). */
    public final String responseText() {
        byte[] bytes = serialisedBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The body, written now from a value handed over in process, or from a streamed answer's writer
     * (which then runs here, once, into memory instead of onto the wire), when that is what the
     * answer holds.
     */
    private byte[] serialisedBody() {
        if (body == null && responseValue != null) {
            body = dev.spur.runtime.internal.Responses.entityBytes(responseValue, responseValueType);
        }
        if (body == null && responseWriter != null) {
            BodyWriter writer = responseWriter;
            responseWriter = null;
            body = dev.spur.runtime.internal.Streams.toBytes(writer);
        }
        return body;
    }

    /**
     * The writer of a streamed answer ({@link #respondStream}) that has not run yet; empty for any
     * other answer. Over the network it runs once the whole chain has returned, onto the wire.
     */
    public final Optional<BodyWriter> responseWriter() {
        return Optional.ofNullable(responseWriter);
    }

    /**
     * Answers with {@code status} and a body that {@code writer} streams, of {@code contentType}:
     * over the network it is written onto the wire (chunked) after the chain has returned, so
     * layers see the status and headers but not the body, unless one asks for
     * {@link #responseBody()}, which runs the writer into memory.
     */
    public final void respondStream(int status, String contentType, BodyWriter writer) {
        respond(status, contentType, null);
        this.responseWriter = Objects.requireNonNull(writer, "writer");
    }

    // ---------------------------------------------------------------- in-process hand-over

    /**
     * Whether the request comes from inside the application: a service binding's call in process,
     * or a request on the internal listener that carried its credential. Only such requests reach
     * the routes of {@code PRIVATE} services; nothing a client sends to a public listener sets it.
     */
    public final boolean internal() {
        return internal;
    }

    private void handOver(Object value, boolean keepValues, boolean fromInside) {
        this.requestValue = value;
        this.keepsValues = keepValues;
        this.internal = fromInside;
    }

    /** Marks the exchange as coming from inside the application (see {@link #internal()}); the runtime calls it. */
    public final void markInternal() {
        this.internal = true;
    }

    /**
     * The request body as the calling service handed it over in process (a record, a list, a
     * string), read by the route in place of bytes; null when the body is bytes.
     */
    public final Object requestValue() {
        return requestValue;
    }

    /**
     * The answer's body as the handler returned it, when the exchange keeps values (an in-process
     * binding call): the caller takes it as it is, and bytes are written only if someone asks for
     * {@link #responseBody()}; empty otherwise.
     */
    public final Optional<Object> responseValue() {
        return Optional.ofNullable(responseValue);
    }

    /** Whether answers keep the handler's value rather than bytes (see {@link #responseValue()}). */
    public final boolean keepsValues() {
        return keepsValues;
    }

    /**
     * Answers with {@code status} and the value {@code body}, kept as it is and written as
     * {@code contentType} only when its bytes are asked for; the exchange must keep values.
     */
    public final void respondValue(int status, String contentType, Object body) {
        if (!keepsValues) {
            throw new IllegalStateException("this exchange answers with bytes: use respond(status, type, bytes)");
        }
        respond(status, contentType, null);
        this.responseValue = Objects.requireNonNull(body, "body");
        this.responseValueType = Objects.requireNonNull(contentType, "contentType");
    }

    /**
     * Answers with {@code status} and {@code body} of {@code contentType} (no body when null),
     * replacing any earlier answer and its failure.
     */
    public final void respond(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100..599: " + status);
        }
        this.status = status;
        this.body = body;
        this.responseValue = null;
        this.responseWriter = null;
        this.failure = null;
        WritableHeaders<?> headers = responseHeaders();
        if (contentType != null) {
            headers.set(HeaderNames.CONTENT_TYPE, contentType);
        } else {
            headers.remove(HeaderNames.CONTENT_TYPE);
        }
    }

    /** Answers with a full {@link Response}, its body written as a handler's would be. */
    public final void respond(Response response) {
        Responses.full(this, response);
    }

    /** Answers with {@code problem} as {@code application/problem+json}. */
    public final void respond(HttpProblem problem) {
        dev.spur.runtime.internal.Problems.answer(this, problem);
    }

    /**
     * The exception behind the current answer: a handler's or an inner layer's, answered as its
     * problem or a 500. A layer that maps it answers again (which clears it); one left on a 500 is
     * logged once the chain is done.
     */
    public final Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Keeps the exception the current answer was made from; generated code and the runtime call it. */
    public final void failed(Throwable cause) {
        this.failure = cause;
    }

    /** Builds an in-memory exchange. */
    public static final class Builder {
        private final String method;
        private final String target;
        private final WritableHeaders<?> headers = WritableHeaders.create();
        private byte[] body;
        private int localPort = 0;
        private String listener = "@default";
        private InetAddress remote;
        private boolean secure;
        private String version = "1.1";
        private Object value;
        private boolean keepValues;
        private boolean internal;

        private Builder(String method, String target) {
            this.method = Objects.requireNonNull(method, "method");
            this.target = Objects.requireNonNull(target, "target");
            if (!target.startsWith("/")) {
                throw new IllegalArgumentException("A request target starts with '/': " + target);
            }
        }

        /** Adds a request header. */
        public Builder header(String name, String value) {
            headers.add(HeaderNames.create(name), value);
            return this;
        }

        /** Sets a request header, replacing any value it had. */
        public Builder setHeader(String name, String value) {
            headers.set(HeaderNames.create(name), value);
            return this;
        }

        /** Adds a request header. */
        public Builder header(HeaderName name, String value) {
            headers.add(name, value);
            return this;
        }

        /** The request body. */
        public Builder body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /** The request body as UTF-8 text. */
        public Builder body(String text) {
            this.body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return this;
        }

        /**
         * The request body as a value handed over in process (for a service binding): the route
         * reads it as it is, with no JSON in between. Also makes the exchange keep the handler's
         * answer as a value (see {@link Exchange#responseValue()}).
         */
        public Builder value(Object body) {
            this.value = Objects.requireNonNull(body, "body");
            this.keepValues = true;
            return this;
        }

        /** Makes the exchange keep the handler's answer as a value (see {@link Exchange#responseValue()}). */
        public Builder keepValues() {
            this.keepValues = true;
            return this;
        }

        /** Marks the request as coming from inside the application (see {@link Exchange#internal()}). */
        public Builder internal() {
            this.internal = true;
            return this;
        }

        /** The local port the request seems to come in on (0 by default). */
        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        /** The listener the request seems to come in on ({@code @default} by default). */
        public Builder listener(String name) {
            this.listener = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The client's address (none by default). */
        public Builder remoteAddress(InetAddress address) {
            this.remote = address;
            return this;
        }

        /** Whether the request seems to come over TLS (false by default). */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** The protocol version ({@code 1.1} by default). */
        public Builder protocolVersion(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The exchange. */
        public Exchange build() {
            Exchange exchange = new MemoryExchange(method, target, headers, body, localPort, listener, remote,
                    secure, version);
            exchange.handOver(value, keepValues, internal);
            return exchange;
        }
    }
}
