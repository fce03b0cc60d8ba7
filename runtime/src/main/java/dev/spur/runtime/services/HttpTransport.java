package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.internal.Responses;
import dev.spur.runtime.layers.Deadline;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Sends a binding's request over HTTP with Helidon's WebClient to the process that runs the
 * service (its internal listener), with the application's shared credential. No connection, a
 * broken one or no answer within the timeout is a typed {@link BindingException}, never a hang.
 */
public final class HttpTransport implements BindingTransport {

    /** The header that carries the internal listener's shared credential. */
    public static final HeaderName CREDENTIAL = HeaderNames.create("Spur-Credential");

    /** Headers that belong to one connection, not to the request (RFC 9110 7.6.1), and those WebClient sets itself. */
    private static final Set<HeaderName> NOT_FORWARDED = Set.of(HeaderNames.CONNECTION, HeaderNames.create("Keep-Alive"),
            HeaderNames.TE, HeaderNames.TRAILER, HeaderNames.TRANSFER_ENCODING, HeaderNames.UPGRADE,
            HeaderNames.HOST, HeaderNames.CONTENT_LENGTH, CREDENTIAL);

    private final String service;
    private final URI base;
    private final Duration timeout;
    private final String credential;
    private final WebClient client;

    /**
     * A transport to service {@code service} at {@code base} (scheme, host, port), each call
     * answered within {@code timeout} (connecting included), sending {@code credential} (null for none).
     */
    public HttpTransport(String service, URI base, Duration timeout, String credential) {
        this.service = Objects.requireNonNull(service, "service");
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.credential = credential;
        this.client = WebClient.builder()
                .baseUri(base)
                .followRedirects(false)
                .socketOptions(options -> options.connectTimeout(timeout).readTimeout(timeout))
                .build();
    }

    @Override
    public Exchange send(Exchange request) {
        Duration limit = timeout;
        java.util.Optional<Deadline.Expiry> deadline = request.attribute(Deadline.Expiry.class);
        if (deadline.isPresent()) {
            Duration left = deadline.get().remaining();
            if (left.isNegative() || left.isZero()) {
                throw new BindingTimeoutException(service, base.toString(), null);
            }
            limit = left.compareTo(timeout) < 0 ? left : timeout;
        }
        String query = request.query().rawValue();
        // The path and query exactly as the binding encoded them: with URI encoding skipped, WebClient
        // writes the path and each query name and value as given.
        HttpClientRequest call = client.method(Method.create(request.method()))
                .skipUriEncoding(true)
                .path(request.rawPath())
                .readTimeout(limit);
        if (!query.isEmpty()) {
            // queryParam replaces a name's values, and with URI encoding skipped WebClient writes several
            // values of one name joined by commas: a repeated parameter (a list) goes as one value that
            // spells the repetition, "1&tag=2" for tag=1&tag=2
            java.util.Map<String, java.util.List<String>> params = new java.util.LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                params.computeIfAbsent(equals < 0 ? pair : pair.substring(0, equals), name -> new java.util.ArrayList<>())
                        .add(equals < 0 ? "" : pair.substring(equals + 1));
            }
            params.forEach((name, values) -> call.queryParam(name, String.join("&" + name + "=", values)));
        }
        for (Header header : request.headers()) {
            if (!NOT_FORWARDED.contains(header.headerName())) {
                call.header(header);
            }
        }
        if (credential != null) {
            call.header(CREDENTIAL, credential);
        }
        byte[] body = body(request, call);
        try (HttpClientResponse response = body == null ? call.request() : call.submit(body)) {
            byte[] answer = response.entity().hasEntity() ? response.entity().as(byte[].class) : null;
            String contentType = response.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
            request.respond(response.status().code(), contentType, answer);
            for (Header header : response.headers()) {
                if (!NOT_FORWARDED.contains(header.headerName()) && !header.headerName().equals(HeaderNames.CONTENT_TYPE)
                        && !header.headerName().equals(HeaderNames.DATE)) {
                    request.responseHeaders().set(header);
                }
            }
            return request;
        } catch (RuntimeException e) {
            // WebClient reports no connection, a broken one and a timeout as unchecked exceptions
            throw failed(e);
        }
    }

    /** The body to send: a value handed over is written as the JSON the route reads. */
    private static byte[] body(Exchange request, HttpClientRequest call) {
        Object value = request.requestValue();
        if (value != null) {
            return switch (value) {
                case byte[] bytes -> bytes;
                case String text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> {
                    if (!request.headers().contains(HeaderNames.CONTENT_TYPE)) {
                        call.header(HeaderNames.CONTENT_TYPE, "application/json");
                    }
                    yield Responses.entityBytes(value, "application/json");
                }
            };
        }
        return request.hasBody() ? request.body() : null;
    }

    private BindingException failed(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return new BindingTimeoutException(service, base.toString(), e);
            }
        }
        return new BindingUnavailableException(service, base.toString(), e);
    }

    @Override
    public String describe() {
        return base.toString();
    }
}
