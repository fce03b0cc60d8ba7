package dev.spur.runtime.internal;

import io.helidon.http.HttpMediaType;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A media range from {@code @Match(consumes/produces)}: {@code type/subtype} where either part may
 * be {@code *}, a subtype may be a structured-syntax wildcard such as {@code *+json}, and
 * parameters (e.g. {@code charset=utf-8}) must be present in what it is matched against.
 *
 * @param type       the type, lower case, or {@code *}
 * @param subtype    the subtype, lower case, {@code *} or {@code *+suffix}
 * @param parameters the parameters, names lower case
 */
public record MediaRange(String type, String subtype, Map<String, String> parameters) {

    /** Copies the parameters. */
    public MediaRange {
        parameters = Map.copyOf(parameters);
    }

    /** Parses {@code type/subtype;name=value...}; the processor has checked the syntax. */
    public static MediaRange parse(String text) {
        String[] parts = text.split(";");
        String[] types = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            parameters.put(pair[0].trim().toLowerCase(Locale.ROOT), pair.length > 1 ? unquote(pair[1].trim()) : "");
        }
        return new MediaRange(types[0], types[1], parameters);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Whether the concrete media type {@code actual} lies in this range. */
    public boolean includes(HttpMediaType actual) {
        if (!matches(type, actual.type()) || !matchesSubtype(subtype, actual.subtype())) {
            return false;
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = actual.parameters().get(parameter.getKey());
            if (value == null) {
                value = actual.parameters().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(parameter.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (value == null || !value.equalsIgnoreCase(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the accepted range {@code accepted} (from {@code Accept}) includes this concrete type. */
    boolean acceptedBy(HttpMediaType accepted) {
        return matches(accepted.type(), type) && matchesSubtype(accepted.subtype(), subtype);
    }

    /** How specific an accepted range is: 2 for type/subtype, 1 for type/*, 0 for * / *. */
    static int specificity(HttpMediaType accepted) {
        if (accepted.type().equals("*")) {
            return 0;
        }
        return accepted.subtype().equals("*") ? 1 : 2;
    }

    private static boolean matches(String pattern, String actual) {
        return pattern.equals("*") || pattern.equalsIgnoreCase(actual);
    }

    private static boolean matchesSubtype(String pattern, String actual) {
        if (pattern.startsWith("*+")) {
            return actual.toLowerCase(Locale.ROOT).endsWith(pattern.substring(1));
        }
        return matches(pattern, actual);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type).append('/').append(subtype);
        parameters.forEach((name, value) -> text.append(';').append(name).append('=').append(value));
        return text.toString();
    }
}
