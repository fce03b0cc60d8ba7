package dev.spur.runtime.services;

import dev.spur.runtime.Exchange;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

/**
 * Builds requests for generated binding clients: each path parameter and query value
 * percent-encoded, so that a value is one segment (or, for a catch-all, the segments it spells)
 * and the route reads back exactly the value given; repeated query parameters and header fields for
 * lists, the {@code Cookie} header, and url-encoded form bodies.
 */
public final class Targets {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Targets() {
    }

    /** The text of a parameter value: an enum's name, else {@code String.valueOf}. */
    public static String text(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }

    /** {@code value} as one path segment; an empty one fails, since no route can take it. */
    public static String segment(Object value) {
        String text = text(value);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A path parameter cannot be empty");
        }
        // "." and ".." would be dot segments, removed before routing: written encoded, they stay values
        return onlyDots(text) ? text.replace(".", "%2E") : encode(text);
    }

    /** {@code value} as the rest of a path for a catch-all parameter: its {@code /} kept, every segment encoded. */
    public static String rest(Object value) {
        StringBuilder rest = new StringBuilder();
        for (String part : text(value).split("/", -1)) {
            if (!rest.isEmpty()) {
                rest.append('/');
            }
            rest.append(!part.isEmpty() && onlyDots(part) ? part.replace(".", "%2E")
                    : encode(part));
        }
        return rest.toString();
    }

    /** Appends {@code name=value} to {@code target}'s query. */
    public static void query(StringBuilder target, String name, Object value) {
        target.append(target.indexOf("?") < 0 ? '?' : '&').append(encode(name)).append('=')
                .append(encode(text(value)));
    }

    /** Appends {@code name=value} when {@code value} is present. */
    public static void query(StringBuilder target, String name, Optional<?> value) {
        value.ifPresent(v -> query(target, name, v));
    }

    /** Appends {@code name=value} for each of {@code values}, in order: a repeated query parameter. */
    public static void query(StringBuilder target, String name, Collection<?> values) {
        if (values != null) {
            values.forEach(v -> query(target, name, v));
        }
    }

    /** Adds a {@code name} header field for each of {@code values}, in order. */
    public static void headers(Exchange.Builder request, String name, Collection<?> values) {
        if (values != null) {
            values.forEach(v -> request.header(name, text(v)));
        }
    }

    /** Appends {@code name=value} to a form body being written; nothing for a null value. */
    public static void form(StringBuilder form, String name, Object value) {
        if (value != null) {
            form.append(form.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(text(value)));
        }
    }

    /** Appends {@code name=value} to a form body when {@code value} is present. */
    public static void form(StringBuilder form, String name, Optional<?> value) {
        if (value != null) {
            value.ifPresent(v -> form(form, name, v));
        }
    }

    /** Appends {@code name=value} to a form body for each of {@code values}, in order. */
    public static void form(StringBuilder form, String name, Collection<?> values) {
        if (values != null) {
            values.forEach(v -> form(form, name, v));
        }
    }

    /**
     * Appends {@code name=value} to a {@code Cookie} header being written; nothing for a null value.
     * Cookies are not encoded (RFC 6265), so a value with a space, {@code "}, {@code ,}, {@code ;},
     * {@code \} or a character outside printable ASCII cannot be sent: an IllegalArgumentException.
     */
    public static void cookie(StringBuilder cookies, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = text(value);
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\')) {
            throw new IllegalArgumentException("Cookie '" + name + "' cannot be sent with a value holding a space, "
                    + "'\"', ',', ';', '\\' or a character outside printable ASCII");
        }
        cookies.append(cookies.isEmpty() ? "" : "; ").append(name).append('=').append(text);
    }

    /** Appends {@code name=value} to a {@code Cookie} header when {@code value} is present. */
    public static void cookie(StringBuilder cookies, String name, Optional<?> value) {
        if (value != null) {
            value.ifPresent(v -> cookie(cookies, name, v));
        }
    }

    /** Appends {@code name=value} to a {@code Cookie} header for each of {@code values}, in order. */
    public static void cookie(StringBuilder cookies, String name, Collection<?> values) {
        if (values != null) {
            values.forEach(v -> cookie(cookies, name, v));
        }
    }

    private static String encode(String text) {
        StringBuilder encoded = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                    || b == '-' || b == '.' || b == '_' || b == '~';
            if (plain && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (plain) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return encoded == null ? text : encoded.toString();
    }

    /** Whether {@code text} is made of dots alone ({@code .}, {@code ..}): a dot segment once decoded. */
    private static boolean onlyDots(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }
}
