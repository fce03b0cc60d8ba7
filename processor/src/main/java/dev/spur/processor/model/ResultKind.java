package dev.spur.processor.model;

/**
 * How a handler's return value becomes the response; each names a runtime {@code Responses} method.
 * A {@code CompletionStage<T>} result has the kind of its {@code T} (see {@link RouteModel#isAsync()}).
 */
public enum ResultKind {
    /** {@code void}: 204 unless the handler wrote the response. */
    VOID("noContent"),
    /** {@code String}: text/plain. */
    TEXT("text"),
    /** {@code byte[]}: application/octet-stream. */
    BYTES("bytes"),
    /** The runtime's {@code Response}: status, headers, body. */
    RESPONSE("full"),
    /** {@code Optional<T>}: JSON, or 404 when empty. */
    OPTIONAL("optional"),
    /** An {@code InputStream}: application/octet-stream, streamed to the client and closed. */
    STREAM("stream"),
    /** The runtime's {@code BodyWriter}: application/octet-stream, written straight to the client. */
    WRITER("writer"),
    /** Anything else: JSON. */
    JSON("json");

    private final String writer;

    ResultKind(String writer) {
        this.writer = writer;
    }

    /** The runtime {@code Responses} method that writes this kind of result. */
    public String writer() {
        return writer;
    }
}
