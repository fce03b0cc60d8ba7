package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import io.helidon.http.HeaderName;
import dev.spur.runtime.Exchange;

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
    public static Optional<String> query(Exchange exchange, String name) {
        return exchange.query().first(name).asOptional();
    }

    /** The header's first value, if present. */
    public static Optional<String> header(Exchange exchange, HeaderName name) {
        return exchange.headers().first(name);
    }

    /** The query parameter's first value; a 400 naming it when it is absent. */
    public static String requiredQuery(Exchange exchange, String name) {
        return query(exchange, name).orElseThrow(() -> HttpProblem.badRequest(
                "Query parameter '" + name + "' is required."));
    }

    /** The header's first value; a 400 naming it when it is absent. */
    public static String requiredHeader(Exchange exchange, HeaderName name) {
        return header(exchange, name).orElseThrow(() -> HttpProblem.badRequest(
                "Header '" + name.defaultCase() + "' is required."));
    }

    /** Converts to {@code int}: ASCII digits with an optional sign, nothing else. */
    public static int toInt(String value, String what) {
        try {
            return Integer.parseInt(asciiInteger(value));
        } catch (NumberFormatException e) {
            throw invalid(what, "an integer", value);
        }
    }

    /** Converts to {@code long}: ASCII digits with an optional sign, nothing else. */
    public static long toLong(String value, String what) {
        try {
            return Long.parseLong(asciiInteger(value));
        } catch (NumberFormatException e) {
            throw invalid(what, "an integer", value);
        }
    }

    /**
     * Converts to {@code double}: a decimal number in ASCII ({@code -1.5}, {@code 2e10}); NaN,
     * infinities, hexadecimal, surrounding whitespace and type suffixes ({@code 1d}) are rejected.
     */
    public static double toDouble(String value, String what) {
        try {
            double d = Double.parseDouble(asciiDecimal(value));
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

    /** Converts to {@link UUID} (the canonical 36-character form of ASCII hex digits only). */
    public static UUID toUuid(String value, String what) {
        if (value.length() == 36 && value.chars().allMatch(c -> c == '-' || c < 0x80 && Character.digit(c, 16) >= 0)) {
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
        boolean ascii = value.chars().allMatch(c -> c < 0x80);
        for (E constant : constants) {
            // ASCII only: Unicode case folding would let 'ſ' (long s) spell 'S', the Kelvin sign 'K'
            if (ascii && constant.name().equalsIgnoreCase(value)) {
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

    /**
     * {@code value} when it is an optional sign and ASCII digits; else a value Java's parsers
     * refuse. (They accept any Unicode digit, so '١' or '１' would be a second spelling of 1.)
     */
    private static String asciiInteger(String value) {
        int start = !value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
        if (start == value.length()) {
            throw new NumberFormatException();
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new NumberFormatException();
            }
        }
        return value;
    }

    /** {@code value} when it is a decimal number in ASCII (digits, sign, point, exponent). */
    private static String asciiDecimal(String value) {
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("+-.eE".indexOf(c) < 0) {
                throw new NumberFormatException();
            }
        }
        if (!digit) {
            throw new NumberFormatException();
        }
        return value;
    }

    private static String capitalize(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    /** Helidon's request, for a handler that takes it: only a network exchange has one. */
    public static io.helidon.webserver.http.ServerRequest serverRequest(Exchange exchange) {
        return exchange.serverRequest().orElseThrow(() -> new IllegalStateException(
                "This route's handler takes Helidon's ServerRequest, which an in-memory exchange does not have"));
    }

    /** Helidon's response, for a handler that writes it itself: only a network exchange has one. */
    public static io.helidon.webserver.http.ServerResponse serverResponse(Exchange exchange) {
        return exchange.serverResponse().orElseThrow(() -> new IllegalStateException(
                "This route's handler takes Helidon's ServerResponse, which an in-memory exchange does not have"));
    }
}
