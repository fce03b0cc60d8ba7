package dev.spur.runtime.internal;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon's answer to requests it refuses before any route sees them (a malformed request line
 * or header, a request line or header block over its limit, a body over the payload limit, an
 * unsupported HTTP version, ...), written as {@code application/problem+json} like every other
 * Spur error.
 *
 * <p>The body never repeats Helidon's message or the request: Helidon's texts may quote the
 * request, name its own classes, or change between versions. The message is read only to tell an
 * oversized header block (which Helidon reports as a plain 400) from other malformed requests.
 */
public final class TransportProblems implements DirectHandler {

    /**
     * Helidon's message when the header block exceeds {@code maxHeadersSize}
     * ({@code io.helidon.http.Http1HeadersParser}, Helidon 4.5). {@code HostileInputTest} fails if
     * a Helidon upgrade changes it, so the 431 cannot silently turn back into a 400.
     */
    static final String HEADER_SIZE_EXCEEDED = "Header size exceeded";

    private static final Logger LOG = Logger.getLogger(TransportProblems.class.getName());
    private static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

    private TransportProblems() {
    }

    /** Direct handlers answering every kind of transport-level event with a problem. */
    public static DirectHandlers handlers() {
        TransportProblems handler = new TransportProblems();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, Throwable thrown,
                                    System.Logger logger) {
        // Reached from routing, with the exception itself (e.g. a chunked body over the limit).
        return answer(defaultStatus, responseHeaders, thrown == null ? null : thrown.getMessage(), thrown);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        // Reached from the connection, before routing, with a message only.
        return answer(defaultStatus, responseHeaders, message, null);
    }

    private static TransportResponse answer(Status status, ServerResponseHeaders headers, String message,
                                            Throwable thrown) {
        int code = status.code();
        if (code == Status.BAD_REQUEST_400.code() && message != null && message.contains(HEADER_SIZE_EXCEEDED)) {
            code = REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        String instance = null;
        if (code >= 500 && code != Status.SERVICE_UNAVAILABLE_503.code()
                && code != Status.NOT_IMPLEMENTED_501.code()
                && code != Status.HTTP_VERSION_NOT_SUPPORTED_505.code()) {
            String id = UUID.randomUUID().toString();
            instance = "urn:uuid:" + id;
            LOG.log(Level.SEVERE, thrown, () -> "Request " + id + " failed before or outside routing");
        }
        return TransportResponse.builder()
                .status(code == status.code() ? status : Status.create(code, title(code)))
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .entity(Problems.body(code, title(code), detail(code), instance))
                .build();
    }

    static String title(int code) {
        return switch (code) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request Header Fields Too Large";
            default -> Status.create(code).reasonPhrase();
        };
    }

    static String detail(int code) {
        return switch (code) {
            case 400 -> "The request is not well-formed HTTP: its request line, a header or its framing is invalid.";
            case 403 -> "The request is forbidden.";
            case 413 -> "The request body is larger than this server accepts.";
            case 414 -> "The request line is longer than this server accepts.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's header fields are larger than this server accepts.";
            case 501 -> "The request uses a transfer coding this server does not implement.";
            case 503 -> "The server is handling too many requests; retry later.";
            case 505 -> "This HTTP version is not supported; use HTTP/1.1.";
            default -> code >= 500
                    ? "The server failed to answer this request; quote the instance id when reporting it."
                    : "The server refused the request.";
        };
    }
}
