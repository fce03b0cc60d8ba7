package dev.spur.processor.model;

/** How a handler's return value becomes the response; each names a runtime {@code Responses} method. */
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
