package dev.spur.runtime;

import io.helidon.http.Headers;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A {@code multipart/*} request body ({@code multipart/form-data} from an HTML form or
 * {@code curl -F}), read part by part as it arrives: a handler parameter {@code @Body Multipart
 * upload}. Nothing is held in memory or on disk by Spur: each part's content is a stream read
 * from the connection, so a large file goes wherever the handler copies it.
 *
 * <pre>{@code
 * @Route(method = Route.POST, path = "/uploads")
 * public Stored upload(@Body @MultipartLimits(maxPartSize = 50L << 20) Multipart upload) throws IOException {
 *     for (Multipart.Part part : upload) {
 *         if (part.fileName().isPresent()) {
 *             try (InputStream in = part.inputStream()) {
 *                 store.save(part.fileName().get(), in);
 *             }
 *         }
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Parts come in order and once: moving to the next part skips what is left of the current one.
 * A body that is not multipart is a 415 before the handler runs; one that breaks the multipart
 * syntax is a 400, and one over its limits ({@code @MultipartLimits}, and the listener's
 * {@code maxPayloadSize} for the whole body) a 413, raised from the read that finds it, as
 * {@link HttpProblem}s, which Spur answers when the handler lets them through.
 */
public interface Multipart extends Iterable<Multipart.Part> {

    /** The next part, after skipping what is left of the current one; empty after the last. */
    Optional<Part> next();

    /** The parts from here on, one at a time (see {@link #next()}). */
    @Override
    default Iterator<Part> iterator() {
        return new Iterator<>() {
            private Part ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = Multipart.this.next().orElse(null);
                }
                return ahead != null;
            }

            @Override
            public Part next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more parts");
                }
                Part part = ahead;
                ahead = null;
                return part;
            }
        };
    }

    /** One part: its headers and its content, streamed. */
    interface Part {

        /** The form field's name ({@code name} of its {@code Content-Disposition}); empty when it has none. */
        String name();

        /** The file name the client gave ({@code filename}), for a file field. */
        Optional<String> fileName();

        /** Its {@code Content-Type}, {@code text/plain} when it gives none (RFC 7578). */
        String contentType();

        /** All of its headers. */
        Headers headers();

        /**
         * Its content as it arrives; reading past {@code maxPartSize} is a 413 problem. The same
         * stream each time; it ends where the part ends.
         */
        InputStream inputStream();

        /** Its whole content (at most {@code maxPartSize} bytes). */
        byte[] bytes();

        /** Its whole content as text, in the charset its {@code Content-Type} names (UTF-8 when none); invalid text is a 400. */
        String text();
    }
}
