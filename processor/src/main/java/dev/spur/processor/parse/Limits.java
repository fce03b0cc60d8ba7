package dev.spur.processor.parse;

import java.nio.charset.StandardCharsets;

/**
 * Bounds on user text that reaches the generated router as string constants. A class file holds a
 * string constant in at most 65,535 UTF-8 bytes ("constant string too long"), and the router joins
 * a class prefix with a method path and writes templates, header, query, host and media-type
 * values as constants; a bound well under that limit keeps every such constant legal.
 */
public final class Limits {

    /** The most UTF-8 bytes of a path template or of one {@code @Match} value. */
    public static final int MAX_BYTES = 8192;

    /**
     * The most segments of a path template: the router matches a segment per nested step, and
     * templates far deeper than any real URL would only exhaust the processor's stack.
     */
    public static final int MAX_SEGMENTS = 256;

    private Limits() {
    }

    /** The length of {@code text} in UTF-8 bytes. */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether {@code text} is over {@link #MAX_BYTES}. */
    public static boolean tooLong(String text) {
        return text.length() > MAX_BYTES / 3 && utf8Length(text) > MAX_BYTES;
    }

    /** The start of a long {@code text}, for a diagnostic that should not repeat all of it. */
    public static String abbreviate(String text) {
        if (text.length() <= 64) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.min(60, text.codePointCount(0, 60)))) + "...";
    }
}
