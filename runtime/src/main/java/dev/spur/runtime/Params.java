package dev.spur.runtime;

import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and converts request parameters for generated code. Every failure is a 400 problem that
 * names the parameter, as {@code what} (for example {@code "path parameter 'id'"}).
 */
public final class Params {

    private static final int MAX_ECHO = 64;

    private Params() {
    }

    /** The query parameter's first value, if present. */
    public static Optional<String> query(ServerRequest request, String name) {
        return request.query().first(name).asOptional();
    }

    /** The header's first value, if present. */
    public static Optional<String> header(ServerRequest request, HeaderName name) {
        return request.headers().first(name);
    }

    /** The query parameter's first value; a 400 naming it when it is absent. */
    public static String requiredQuery(ServerRequest request, String name) {
        return query(request, name).orElseThrow(() -> HttpProblem.badRequest(
                "Query parameter '" + name + "' is required."));
    }

    /** The header's first value; a 400 naming it when it is absent. */
    public static String requiredHeader(ServerRequest request, HeaderName name) {
        return header(request, name).orElseThrow(() -> HttpProblem.badRequest(
                "Header '" + name.defaultCase() + "' is required."));
    }

    /** Converts to {@code int}. */
    public static int toInt(String value, String what) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(what, "an integer", value);
        }
    }

    /** Converts to {@code long}. */
    public static long toLong(String value, String what) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(what, "an integer", value);
        }
    }

    /** Converts to {@code double}; NaN and infinities are rejected. */
    public static double toDouble(String value, String what) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(what, "a finite number", value);
    }

    /** Converts to {@code boolean}: {@code true} or {@code false}, in any case. */
    public static boolean toBoolean(String value, String what) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(what, "true or false", value);
    }

    /** Converts to {@link UUID} (the canonical 36-character form only). */
    public static UUID toUuid(String value, String what) {
        if (value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw invalid(what, "a UUID", value);
    }

    /** Converts to a constant of {@code type}: its exact name, else its name in any case. */
    public static <E extends Enum<E>> E toEnum(String value, Class<E> type, String what) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : constants) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(what, "one of " + names, value);
    }

    private static HttpProblem invalid(String what, String expected, String value) {
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        return HttpProblem.badRequest(capitalize(what) + " must be " + expected + ", not '" + shown + "'.");
    }

    private static String capitalize(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
