package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, for the {@code @Form} parameters
 * of generated code; a field that is absent, repeated where one value is expected, or malformed is a
 * 400 naming it.
 *
 * <p>Parsed here, strictly, rather than by Helidon's form reader: that one drops a field sent with
 * an empty value ({@code name=} reads as absent) and turns bytes that are not UTF-8 into U+FFFD,
 * where Spur answers 400, as it does for a path.
 */
public final class FormFields {

    /** The most fields a form may have: a bound on the work a hostile body can ask for. */
    static final int MAX_FIELDS = 10_000;
    private static final FormFields EMPTY = new FormFields(Map.of());

    private final Map<String, List<String>> fields;

    private FormFields(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** A form without fields. */
    static FormFields empty() {
        return EMPTY;
    }

    /**
     * Parses {@code body}: {@code &}-separated {@code name=value} pairs ({@code name} alone has the
     * value ""), {@code +} for a space, percent-encoded UTF-8.
     */
    static FormFields parse(byte[] body) {
        Map<String, List<String>> fields = new HashMap<>();
        int count = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                if (++count > MAX_FIELDS) {
                    throw HttpProblem.badRequest("The form has more than " + MAX_FIELDS + " fields.");
                }
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, equals);
                String value = equals < end ? decode(body, equals + 1, end) : "";
                fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return new FormFields(fields);
    }

    /** The field's value, if sent; a 400 naming it when it is sent more than once. */
    public Optional<String> field(String name) {
        return Params.single(values(name), "Form field", name);
    }

    /** The field's value; a 400 naming it when it is absent or sent more than once. */
    public String requiredField(String name) {
        return field(name).orElseThrow(() -> HttpProblem.badRequest("Form field '" + name + "' is required."));
    }

    /** Every value of the field, in order (empty when it is absent). */
    public List<String> values(String name) {
        return List.copyOf(fields.getOrDefault(name, List.of()));
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b != '%') {
                bytes.write(b);
            } else if (i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                bytes.write(hex(body[i + 1]) << 4 | hex(body[i + 2]));
                i += 2;
            } else {
                throw HttpProblem.badRequest("The form body is malformed: '%' must start an escape such as %20.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("The form body is not valid UTF-8 once decoded.");
        }
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
