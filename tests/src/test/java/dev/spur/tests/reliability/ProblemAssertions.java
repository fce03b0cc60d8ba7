package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** Assertions on {@code application/problem+json} answers (RFC 9457) and on what they must not reveal. */
final class ProblemAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Java class name ending in Exception or Error, e.g. {@code IllegalStateException}. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b");

    /** Text that only an exception, a stack trace or Helidon's own messages would put in a body. */
    private static final List<String> LEAKS = List.of("java.", "javax.", "io.helidon", "dev.spur.",
            "reliability.app", "\tat ", "Caused by", "Throwable", "helidon", "Helidon", "see server log",
            ReliabilityApp.SECRET);

    private ProblemAssertions() {
    }

    /**
     * Asserts that {@code answer} is a problem+json answer with {@code status}, whose detail
     * contains each of {@code detailParts}, and that it reveals nothing internal. Returns the body.
     */
    static JsonNode assertProblem(RawHttp.Answer answer, int status, String... detailParts) {
        String context = "answer " + answer.status() + " " + answer.headers() + " " + answer.text();
        assertEquals(status, answer.status(), context);
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(null), context);
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + context, e);
        }
        if (body == null || !body.isObject()) {
            fail("not a JSON object: " + context);
        }
        assertEquals(status, body.path("status").asInt(), context);
        assertEquals("about:blank", body.path("type").asText(), context);
        assertFalse(body.path("title").asText().isEmpty(), context);
        String detail = body.path("detail").asText();
        for (String part : detailParts) {
            assertTrue(detail.contains(part), "detail should contain '" + part + "': " + context);
        }
        assertRevealsNothing(answer);
        return body;
    }

    /** Asserts that the body has no exception class name, stack frame, Helidon text or secret. */
    static void assertRevealsNothing(RawHttp.Answer answer) {
        String text = answer.text();
        if (CLASS_NAME.matcher(text).find()) {
            fail("the body names an exception class: " + text);
        }
        for (String leak : LEAKS) {
            assertFalse(text.contains(leak), "the body contains '" + leak.strip() + "': " + text);
        }
    }
}
