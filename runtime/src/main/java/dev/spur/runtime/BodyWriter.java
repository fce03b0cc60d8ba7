package dev.spur.runtime;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written as a stream: a handler returns one (or puts one in a {@link Response})
 * and Spur calls it with the connection's output once the answer's status and headers are
 * settled, so a large or generated body never sits whole in memory.
 *
 * <pre>{@code
 * @Route(path = "/export.csv")
 * public Response export() {
 *     return Response.status(200).header("Content-Type", "text/csv")
 *             .body((BodyWriter) out -> store.writeCsv(out));
 * }
 * }</pre>
 *
 * <p>It runs after every layer has returned: by then the status line is fixed, so an exception it
 * throws cannot become a problem answer any more; Spur logs it and closes the connection before the
 * body's end, which the client sees as a truncated answer.
 */
@FunctionalInterface
public interface BodyWriter {

    /** Writes the body to {@code out}; Spur flushes and closes {@code out} afterwards. */
    void writeTo(OutputStream out) throws IOException;
}
