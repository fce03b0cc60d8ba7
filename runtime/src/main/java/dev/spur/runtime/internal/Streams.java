package dev.spur.runtime.internal;

import dev.spur.runtime.BodyWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Streamed answers: a handler's {@link InputStream} as a {@link BodyWriter}, and writers run into memory. */
public final class Streams {

    private Streams() {
    }

    /** A writer that copies {@code in} to the output and closes it, whether or not the copy succeeds. */
    public static BodyWriter of(InputStream in) {
        return out -> {
            try (in) {
                in.transferTo(out);
            }
        };
    }

    /** What {@code writer} writes, collected in memory (for an in-process exchange, or a layer that asks). */
    public static byte[] toBytes(BodyWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writer.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The streamed answer failed while written into memory", e);
        }
        return bytes.toByteArray();
    }
}
