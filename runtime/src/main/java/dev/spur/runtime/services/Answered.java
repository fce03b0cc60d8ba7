package dev.spur.runtime.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful binding call's whole answer: status, headers (names in lower case) and the value
 * the route returned.
 */
public record Answered<T>(int status, Map<String, List<String>> headers, T value) {

    /** Copies the headers. */
    public Answered {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name}, whatever its case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
