package dev.spur.runtime.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.spur.runtime.HttpProblem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * Turns Jackson's failures to read a request body into 400 details that say where the body is
 * wrong (line and column, or the field's path such as {@code lines[1].quantity}) and what was
 * expected there. A detail never repeats the input beyond a bounded field name, and never shows
 * Jackson's own text, which names Java classes.
 */
final class JsonProblems {

    private static final String MAPPING = "The request body is not valid JSON for this route: ";
    private static final int MAX_PATH = 200;
    private static final int MAX_CONSTANTS = 10;

    private JsonProblems() {
    }

    /** The 400 for a body that is not JSON at all (its syntax, or a parser limit). */
    static HttpProblem syntax(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return HttpProblem.badRequest("The request body is not valid JSON: it nests deeper, or holds a longer "
                    + "number, string or field name, than Spur reads.");
        }
        String at = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonEOFException) {
            return HttpProblem.badRequest("The request body is not valid JSON: it ends early" + at + ".");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                && e.getProcessor() instanceof JsonParser parser) {
            return HttpProblem.badRequest("The request body is not valid JSON: field '" + pointer(parser)
                    + "' appears twice" + at + ".");
        }
        return HttpProblem.badRequest("The request body is not valid JSON: malformed" + at + ".");
    }

    /** The 400 for JSON that does not fit the route's type; the cause's own 400 when the type threw one. */
    static HttpProblem mapping(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpProblem problem) {
                // a record's compact constructor that checks its values and answers itself
                return problem;
            }
        }
        String path = path(e.getPath());
        String field = path.isEmpty() ? "the body" : "field '" + path + "'";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String detail;
        if (e instanceof UnrecognizedPropertyException) {
            detail = field + " is not a field of this type";
        } else if (message.startsWith("Missing required creator property")) {
            detail = field + " is required";
        } else if (e instanceof MismatchedInputException mismatch && message.startsWith("Cannot map `null`")) {
            detail = field + " is missing or null; it must be " + describe(mismatch.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            detail = field + " must be " + describe(mismatch.getTargetType());
        } else if (e.getCause() instanceof InputCoercionException coercion) {
            detail = field + " must be " + describe(coercion.getTargetType());
        } else {
            detail = field + " does not fit this route's type";
        }
        return HttpProblem.badRequest(MAPPING + detail + ".");
    }

    /** {@code lines[1].quantity}: field names cut to a few dozen characters, the whole path to 200. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(Params.shown(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
            if (path.length() > MAX_PATH) {
                return path.substring(0, MAX_PATH) + "...";
            }
        }
        return path.toString();
    }

    /** The parser's position as a path, for a duplicate field. */
    private static String pointer(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        String dotted = pointer.replaceFirst("^/", "").replace('/', '.');
        return dotted.length() > MAX_PATH ? dotted.substring(0, MAX_PATH) + "..." : dotted;
    }

    /** What a JSON value of {@code type} looks like, for a detail. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < Math.min(constants.length, MAX_CONSTANTS); i++) {
                names.append(i == 0 ? "" : ", ").append('"').append(((Enum<?>) constants[i]).name()).append('"');
            }
            return "one of " + names + (constants.length > MAX_CONSTANTS ? ", ..." : "");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer" + range(type);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class || type == CharSequence.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        String time = switch (type.getName()) {
            case "java.util.UUID" -> "a UUID string";
            case "java.time.LocalDate" -> "a date string such as \"2024-01-31\"";
            case "java.time.LocalTime" -> "a time string such as \"10:15:30\"";
            case "java.time.LocalDateTime" -> "a date-time string such as \"2024-01-31T10:15:30\"";
            case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
                    "a date-time string such as \"2024-01-31T10:15:30Z\"";
            case "java.time.Duration" -> "a duration string such as \"PT15M\"";
            case "java.time.Period" -> "a period string such as \"P1Y2M\"";
            default -> null;
        };
        if (time != null) {
            return time;
        }
        return "an object";
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        if (type == byte.class || type == Byte.class) {
            return " from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
        }
        return "";
    }
}
