package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request path in the form generated routers match on.
 *
 * <p>The <em>canonical</em> form of a raw path has every segment percent-decoded, except that a
 * decoded {@code /} is kept as {@code %2F} and a decoded {@code %} as {@code %25}, so that slashes
 * still separate segments exactly as they did on the wire. A raw path with no {@code %} is its own
 * canonical form, so the common case allocates nothing. Generated code compares literal segments
 * (canonicalised the same way at compile time) with {@link String#startsWith(String, int)} and
 * decodes parameter values only for the route that matched.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /**
     * Returns the canonical form of a raw request path, or throws a 400 problem when the path is
     * not absolute, has malformed percent-encoding or invalid UTF-8, contains a NUL or a control
     * character, or has a {@code .} or {@code ..} segment (also when encoded).
     */
    public static String canonical(String raw) {
        int length = raw.length();
        if (length == 0 || raw.charAt(0) != '/') {
            throw HttpProblem.badRequest("The request target must be an absolute path.");
        }
        for (int i = 1; i < length; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                return decode(raw);
            }
            if (c <= 0x20 || c >= 0x7f) {
                throw HttpProblem.badRequest("The request path contains a character that must be percent-encoded.");
            }
            if (c == '.' && raw.charAt(i - 1) == '/') {
                int end = raw.indexOf('/', i);
                checkNotDotSegment(raw, i, end < 0 ? length : end);
            }
        }
        return raw;
    }

    private static void checkNotDotSegment(CharSequence path, int start, int end) {
        int length = end - start;
        if ((length == 1 || length == 2) && path.charAt(start) == '.'
                && (length == 1 || path.charAt(start + 1) == '.')) {
            throw HttpProblem.badRequest("The request path must not contain '.' or '..' segments.");
        }
    }

    private static String decode(String raw) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder out = new StringBuilder(raw.length());
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        int length = raw.length();
        int segmentStart = 1;
        out.append('/');
        for (int i = 1; i <= length; i++) {
            if (i == length || raw.charAt(i) == '/') {
                appendSegment(raw, segmentStart, i, bytes, utf8, out);
                if (i < length) {
                    out.append('/');
                }
                segmentStart = i + 1;
            }
        }
        return out.toString();
    }

    private static void appendSegment(String raw, int start, int end, ByteBuffer bytes,
                                      CharsetDecoder utf8, StringBuilder out) {
        bytes.clear();
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= end) {
                    throw malformed();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed();
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw HttpProblem.badRequest("The request path contains a character that must be percent-encoded.");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        CharBuffer chars;
        try {
            chars = utf8.reset().decode(bytes);
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("The request path is not valid UTF-8 after percent-decoding.");
        }
        checkNotDotSegment(chars, 0, chars.length());
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            switch (c) {
                case '\0' -> throw HttpProblem.badRequest("The request path must not contain a NUL character.");
                case '/' -> out.append("%2F");
                case '%' -> out.append("%25");
                default -> out.append(c);
            }
        }
    }

    private static HttpProblem malformed() {
        return HttpProblem.badRequest("The request path has malformed percent-encoding.");
    }

    /** Where the segment that starts at {@code start} ends: at the next slash, else the path's end. */
    public static int segmentEnd(String canonical, int start) {
        int end = canonical.indexOf('/', start);
        return end < 0 ? canonical.length() : end;
    }

    /** The decoded value of segment {@code index} (0 is the segment after the first slash). */
    public static String segment(String canonical, int index) {
        int start = segmentStart(canonical, index);
        int end = canonical.indexOf('/', start);
        return decodedPart(canonical, start, end < 0 ? canonical.length() : end);
    }

    /** The decoded rest of the path from segment {@code index} on, slashes included. */
    public static String rest(String canonical, int index) {
        return decodedPart(canonical, segmentStart(canonical, index), canonical.length());
    }

    /** The decoded text of {@code canonical} from {@code start} to {@code end}. */
    public static String decodedPart(String canonical, int start, int end) {
        String part = canonical.substring(start, end);
        return part.indexOf('%') < 0 ? part : unescape(part);
    }

    private static int segmentStart(String canonical, int index) {
        int start = 1;
        for (int i = 0; i < index; i++) {
            start = canonical.indexOf('/', start) + 1;
        }
        return start;
    }

    /** Turns {@code %2F} back into {@code /} and {@code %25} into {@code %}; the only escapes a canonical path has. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                out.append(value.charAt(i + 1) == '2' && value.charAt(i + 2) == 'F' ? '/' : '%');
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
