package dev.spur.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An answer as a test sees it: status, headers and body, with assertions that return this answer
 * so they chain: {@code client.get("/items/1").assertStatus(200).assertJson("/name", "a")}.
 */
public final class TestResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String request;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    TestResponse(String request, int status, Map<String, List<String>> headers, byte[] body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** Every header, by lower-case name, values in order. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of header {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body's bytes. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON; a body that is not JSON fails the test. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return fail(request + ": the body is not JSON: " + text());
        }
    }

    /** Asserts the status. */
    public TestResponse assertStatus(int expected) {
        assertEquals(expected, status, () -> request + " answered " + status + " " + text());
        return this;
    }

    /** Asserts that header {@code name} has {@code expected} as its first value. */
    public TestResponse assertHeader(String name, String expected) {
        assertEquals(Optional.of(expected), header(name), () -> request + ": header " + name + " in " + headers);
        return this;
    }

    /** Asserts that the media type of {@code Content-Type} (parameters aside) is {@code expected}. */
    public TestResponse assertContentType(String expected) {
        String type = header("Content-Type").map(t -> t.split(";", 2)[0].trim()).orElse("");
        assertEquals(expected, type, () -> request + ": Content-Type in " + headers);
        return this;
    }

    /** Asserts that the body is exactly {@code expected} as text. */
    public TestResponse assertText(String expected) {
        assertEquals(expected, text(), () -> request + ": body");
        return this;
    }

    /**
     * Asserts the JSON value at {@code pointer} (RFC 6901, e.g. {@code /tags/0}): a string, number
     * or boolean is compared with its text, {@code null} with JSON null.
     */
    public TestResponse assertJson(String pointer, Object expected) {
        JsonNode node = json().at(pointer);
        if (node.isMissingNode()) {
            fail(request + ": no JSON value at " + pointer + " in " + text());
        }
        if (expected == null) {
            assertTrue(node.isNull(), () -> request + ": " + pointer + " is " + node + ", not null");
        } else {
            assertEquals(String.valueOf(expected), node.isValueNode() ? node.asText() : node.toString(),
                    () -> request + ": JSON at " + pointer);
        }
        return this;
    }

    /** Asserts that the body equals {@code expected} as JSON (key order and spacing aside). */
    public TestResponse assertJsonEquals(String expected) {
        try {
            assertEquals(JSON.readTree(expected), json(), () -> request + ": JSON body");
        } catch (JsonProcessingException e) {
            fail("The expected JSON is not JSON: " + expected);
        }
        return this;
    }

    /** Asserts an {@code application/problem+json} answer with {@code status}, matching the body's status. */
    public TestResponse assertProblem(int expected) {
        assertStatus(expected);
        assertContentType("application/problem+json");
        assertEquals(expected, json().path("status").asInt(), () -> request + ": the problem's status");
        return this;
    }

    /** Asserts a problem answer with {@code status} whose {@code detail} contains {@code detail}. */
    public TestResponse assertProblem(int expected, String detail) {
        assertProblem(expected);
        String actual = json().path("detail").asText();
        assertTrue(actual.contains(detail), () -> request + ": the problem's detail '" + actual + "' lacks '" + detail
                + "'");
        return this;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + headers + " " + text();
    }
}
