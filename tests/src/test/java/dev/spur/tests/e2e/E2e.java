package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Shared helpers of the end-to-end tests: a loopback server, JSON and problem+json checks. */
final class E2e {

    static final ObjectMapper JSON = new ObjectMapper();

    private E2e() {
    }

    /** Serves {@code router} on a free loopback port. */
    static SpurServer serve(Router router) {
        return SpurServer.builder(router).host("127.0.0.1").port(0).start();
    }

    /** The test router with its one required handler supplied. */
    static TestRouter testRouter() {
        return TestRouter.builder().greetingHandlers(new GreetingHandlers("Hello")).build();
    }

    /** The answer's body parsed as JSON. */
    static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + answer.text(), e);
        }
    }

    /** {@code value} as JSON bytes. */
    static byte[] jsonBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Headers for a JSON body. */
    static Map<String, String> jsonType() {
        return Map.of("Content-Type", "application/json");
    }

    /**
     * Asserts a problem+json answer with {@code status} whose {@code detail} contains
     * {@code detailPart}; returns the parsed problem.
     */
    static JsonNode assertProblem(RawHttp.Answer answer, int status, String detailPart) {
        assertEquals(status, answer.status(), answer::text);
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(null));
        JsonNode problem = json(answer);
        assertEquals(status, problem.get("status").asInt());
        assertEquals("about:blank", problem.get("type").asText());
        assertTrue(problem.hasNonNull("title"), answer::text);
        String detail = problem.path("detail").asText();
        assertTrue(detail.contains(detailPart), () -> "detail '" + detail + "' should contain '" + detailPart + "'");
        return problem;
    }

    /** Asserts a problem+json answer with {@code status} and exactly this {@code detail}. */
    static JsonNode assertExactProblem(RawHttp.Answer answer, int status, String detail) {
        JsonNode problem = assertProblem(answer, status, detail);
        assertEquals(detail, problem.get("detail").asText());
        return problem;
    }
}
