package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import dev.spur.runtime.Exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads and converts request parameters for generated code. Every failure is a 400 problem that
 * names the parameter, as {@code what} (for example {@code "path parameter 'id'"}).
 *
 * <p>A parameter that takes one value and is sent more than once is a 400 too: two values where
 * one is expected is a client mistake (or an attempt to make two readers see different values),
 * never something to pick from silently. Cookies are the exception: a browser sends two cookies of
 * one name when they were set for different paths, the most specific path first (RFC 6265, 5.4),
 * so a single-valued cookie takes the first.
 */
public final class Params {

    private static final int MAX_ECHO = 64;
    /** The longest text read as a {@code BigDecimal} or {@code BigInteger}, and the largest exponent. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private Params() {
    }

    /** The query parameter's value, if present; a 400 when it is given more than once. */
    public static Optional<String> query(Exchange exchange, String name) {
        return single(queryValues(exchange, name), "Query parameter", name);
    }

    /** Every value of the query parameter, in order (empty when it is absent). */
    public static List<String> queryValues(Exchange exchange, String name) {
        return exchange.query().all(name, List::of);
    }

    /** The header's value, if present; a 400 when the field is sent more than once. */
    public static Optional<String> header(Exchange exchange, HeaderName name) {
        return single(exchange.headers().all(name, List::of), "Header", name.defaultCase());
    }

    /**
     * The elements of a list header: every field of that name, split at commas (not inside double
     * quotes), each trimmed; empty elements are left out (RFC 9110, 5.6.1).
     */
    public static List<String> headerValues(Exchange exchange, HeaderName name) {
        List<String> elements = new ArrayList<>();
        for (String field : exchange.headers().all(name, List::of)) {
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i <= field.length(); i++) {
                char c = i < field.length() ? field.charAt(i) : ',';
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && (!quoted || i == field.length())) {
                    String element = field.substring(start, i).strip();
                    if (!element.isEmpty()) {
                        elements.add(element);
                    }
                    start = i + 1;
                }
            }
        }
        return Collections.unmodifiableList(elements);
    }

    /** The query parameter's value; a 400 naming it when it is absent or given more than once. */
    public static String requiredQuery(Exchange exchange, String name) {
        return query(exchange, name).orElseThrow(() -> HttpProblem.badRequest(
                "Query parameter '" + name + "' is required."));
    }

    /** The header's value; a 400 naming it when it is absent or sent more than once. */
    public static String requiredHeader(Exchange exchange, HeaderName name) {
        return header(exchange, name).orElseThrow(() -> HttpProblem.badRequest(
                "Header '" + name.defaultCase() + "' is required."));
    }

    /** The cookie's value, if sent; the first when several of that name are (see the class comment). */
    public static Optional<String> cookie(Exchange exchange, String name) {
        List<String> values = cookieValues(exchange, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The cookie's value; a 400 naming it when it is absent. */
    public static String requiredCookie(Exchange exchange, String name) {
        return cookie(exchange, name).orElseThrow(() -> HttpProblem.badRequest("Cookie '" + name + "' is required."));
    }

    /**
     * Every value of cookie {@code name} in the request's {@code Cookie} fields, in order: each
     * {@code name=value} pair, its value without surrounding double quotes and not decoded (RFC 6265).
     */
    public static List<String> cookieValues(Exchange exchange, String name) {
        List<String> values = new ArrayList<>(1);
        for (String field : exchange.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String pair : field.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                    String value = pair.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** The one value of {@code values}, if any; a 400 naming the parameter ({@code kind 'name'}) when there are more. */
    static Optional<String> single(List<String> values, String kind, String name) {
        return switch (values.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(values.getFirst());
            default -> throw HttpProblem.badRequest(kind + " '" + shown(name) + "' is given " + values.size()
                    + " times; it takes one value.");
        };
    }

    /** {@code values}, each converted, as an unmodifiable list. */
    public static <T> List<T> list(List<String> values, Function<String, T> converter) {
        List<T> converted = new ArrayList<>(values.size());
        for (String value : values) {
            converted.add(converter.apply(value));
        }
        return Collections.unmodifiableList(converted);
    }

    /** {@code values}, each converted, as an unmodifiable set in first-seen order (repeats count once). */
    public static <T> Set<T> set(List<String> values, Function<String, T> converter) {
        Set<T> converted = new LinkedHashSet<>();
        for (String value : values) {
            converted.add(converter.apply(value));
        }
        return Collections.unmodifiableSet(converted);
    }

    /** {@code values} as an unmodifiable set in first-seen order (repeats count once). */
    public static Set<String> set(List<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
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

    /**
     * Converts to {@link BigDecimal}: a decimal number in ASCII ({@code -12.50}, {@code 1e3}) of at
     * most 1000 characters, its exponent within 1000 (a larger one makes arithmetic on it unbounded).
     */
    public static BigDecimal toBigDecimal(String value, String what) {
        try {
            if (value.length() <= MAX_NUMBER_LENGTH) {
                BigDecimal decimal = new BigDecimal(asciiDecimal(value));
                if (Math.abs(decimal.scale()) <= MAX_NUMBER_LENGTH) {
                    return decimal;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(what, "a decimal number", value);
    }

    /** Converts to {@link BigInteger}: ASCII digits with an optional sign, at most 1000 characters. */
    public static BigInteger toBigInteger(String value, String what) {
        try {
            if (value.length() <= MAX_NUMBER_LENGTH) {
                return new BigInteger(asciiInteger(value));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(what, "an integer", value);
    }

    /**
     * Converts with the type's own factory ({@code LocalDate::parse}, {@code OrderId::valueOf}),
     * which the processor chose at compile time; any unchecked exception it throws, or a null it
     * returns, means the value does not convert: a 400 saying what was {@code expected}.
     */
    public static <T> T convert(String value, Function<String, T> factory, String what, String expected) {
        T converted = null;
        try {
            converted = factory.apply(value);
        } catch (RuntimeException e) {
            // reported below
        }
        if (converted == null) {
            throw invalid(what, expected, value);
        }
        return converted;
    }

    private static HttpProblem invalid(String what, String expected, String value) {
        return HttpProblem.badRequest(capitalize(what) + " must be " + expected + ", not '" + shown(value) + "'.");
    }

    /** {@code value}, cut to {@value #MAX_ECHO} characters for a problem's detail. */
    static String shown(String value) {
        return value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
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

    /** Converts to a {@link dev.spur.runtime.SafePath}; an unsafe path is a 400 saying why (never echoing it). */
    public static dev.spur.runtime.SafePath toSafePath(String value, String what) {
        return SafePaths.of(value, what);
    }

    /** Converts to a relative {@link java.nio.file.Path}, checked as a {@link dev.spur.runtime.SafePath} first. */
    public static java.nio.file.Path toPath(String value, String what) {
        return toSafePath(value, what).toPath();
    }
}
