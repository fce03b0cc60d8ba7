package dev.spur.runtime.services;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds request targets for generated binding clients: each path parameter and query value
 * percent-encoded, so that a value is one segment (or, for a catch-all, the segments it spells)
 * and the route reads back exactly the value given.
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
        return text.chars().allMatch(c -> c == '.') ? text.replace(".", "%2E") : encode(text);
    }

    /** {@code value} as the rest of a path for a catch-all parameter: its {@code /} kept, every segment encoded. */
    public static String rest(Object value) {
        StringBuilder rest = new StringBuilder();
        for (String part : text(value).split("/", -1)) {
            if (!rest.isEmpty()) {
                rest.append('/');
            }
            rest.append(!part.isEmpty() && part.chars().allMatch(c -> c == '.') ? part.replace(".", "%2E")
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
}
