package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.layers.Deadline;
import dev.spur.runtime.layers.RequestId;

import io.helidon.http.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The way into one service of the application, under its generated typed client: it sends
 * exchanges through the service's current transport (in process by default, over HTTP when the
 * service runs in another process) and turns answers into values or {@link BindingException}s,
 * the same whichever transport carried them.
 */
public final class Binding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private volatile BindingTransport transport;

    Binding(String service, BindingTransport transport) {
        this.service = service;
        this.transport = transport;
    }

    /** The service this binding calls. */
    public String service() {
        return service;
    }

    /** The transport calls take now. */
    public BindingTransport transport() {
        return transport;
    }

    void transport(BindingTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * A request to this service, from inside the application: it carries the request id of the
     * request the current thread serves, and keeps answers as values.
     */
    public Exchange.Builder request(String method, String target) {
        Exchange.Builder request = Exchange.request(method, target).internal().keepValues();
        RequestId.current().ifPresent(id -> request.header(RequestId.HEADER, id));
        return request;
    }

    /**
     * Sends {@code request} (which any code may build with {@link Exchange#request}) and returns the
     * exchange holding the service's answer, whatever its status: the raw, fetch-style call. Only a
     * service that cannot be reached throws.
     */
    public Exchange call(Exchange request) {
        request.markInternal();
        if (request.attribute(Deadline.Expiry.class).isEmpty()) {
            // the caller's deadline goes with the call: its own timer bounds an in-process call on
            // this thread, and an HTTP call waits no longer than the time left
            Deadline.current().ifPresent(expiry -> request.attribute(Deadline.Expiry.class, expiry));
        }
        return transport.send(request);
    }

    /** Sends {@code request} and returns the route's value; an answer outside 2xx is a {@link BindingException}. */
    public <T> T value(Exchange request, Reply<T> reply) {
        Exchange answered = call(request);
        if (!reply.accepts(answered.status())) {
            throw failure(answered);
        }
        return reply.read(answered);
    }

    /** Like {@link #value}, with the answer's status and headers. */
    public <T> Answered<T> answer(Exchange request, Reply<T> reply) {
        Exchange answered = call(request);
        if (!reply.accepts(answered.status())) {
            throw failure(answered);
        }
        return new Answered<>(answered.status(), headers(answered), reply.read(answered));
    }

    /** The exception for an answer outside 2xx: its status, and its problem's type, title and detail when it has one. */
    private BindingException failure(Exchange answered) {
        String type = null;
        String title = null;
        String detail = null;
        String contentType = answered.responseHeaders().first(io.helidon.http.HeaderNames.CONTENT_TYPE).orElse("");
        byte[] body = answered.responseBody().orElse(null);
        if (body != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            try {
                JsonNode problem = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                type = text(problem, "type");
                title = text(problem, "title");
                detail = text(problem, "detail");
            } catch (java.io.IOException | RuntimeException unreadable) {
                // a problem that is not JSON keeps the status alone
            }
        }
        return new BindingException(service, answered.status(), type, title, detail, headers(answered));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, List<String>> headers(Exchange answered) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : answered.responseHeaders()) {
            headers.put(header.name().toLowerCase(Locale.ROOT), header.allValues());
        }
        return headers;
    }
}
