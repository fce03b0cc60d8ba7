package dev.spur.runtime;

/**
 * An HTTP error answer as an exception: thrown by generated code or by handlers, written by the
 * dispatcher as an {@code application/problem+json} body (RFC 9457).
 *
 * <p>It carries no stack trace: it is control flow for a client error, never a bug report.
 */
public class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    /** An answer with the given status, short title and human-readable detail. */
    public HttpProblem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** A 400 Bad Request with the given detail. */
    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "Bad Request", detail);
    }

    /** A 404 Not Found with the given detail. */
    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "Not Found", detail);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The problem's short title. */
    public String title() {
        return title;
    }

    /** The problem's detail, safe to show to the client. */
    public String detail() {
        return getMessage();
    }
}
