package dev.spur.processor.parse;

import java.util.regex.Pattern;

/**
 * The one rule for header names and the one rule for query parameter names, shared by
 * {@code @Header}/{@code @Query} parameters and {@code @Match(header = ..., query = ...)}
 * conditions, so that a name one accepts the other accepts too.
 */
final class HttpNames {

    /** An RFC 9110 token, the syntax of a header field name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HttpNames() {
    }

    /** Whether {@code name} is a header field name: an RFC 9110 token. */
    static boolean isHeaderName(String name) {
        return TOKEN.matcher(name).matches();
    }

    /**
     * Whether {@code name} is a query parameter name: any non-empty text (JSON:API's
     * {@code page[size]}, non-ASCII letters) without whitespace, control characters, or the
     * {@code &}, {@code =} and {@code #} that delimit a query string.
     */
    static boolean isQueryName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f
                || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '&' || c == '=' || c == '#');
    }
}
