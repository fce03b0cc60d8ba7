package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static dev.spur.tests.reliability.ProblemAssertions.assertRevealsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile request targets, parameters and methods over real HTTP: every one is answered with the
 * exact status and a problem+json body that reveals nothing, and none logs a stack trace.
 */
class HostileInputTest extends LoopbackServerTest {

    @Test
    void malformedPercentEncodingIs400() throws IOException {
        for (String target : List.of("/items/%zz", "/items/%", "/items/%4", "/%g0", "/seg/abc%2", "/files/a/%zz/b",
                "/seg/%%41")) {
            assertProblem(get(target), 400);
        }
    }

    @Test
    void invalidUtf8Is400() throws IOException {
        for (String target : List.of("/seg/%ff", "/seg/%c3%28", "/seg/%ed%a0%80", "/seg/%c0%af", "/seg/%e2%82",
                "/seg/%f8%88%80%80%80", "/files/ok/%80")) {
            assertProblem(get(target), 400, "UTF-8");
        }
    }

    @Test
    void rawBytesThatMustBeEncodedAre400() throws IOException {
        // ISO-8859-1 characters go out as single raw bytes: 0xFF, and the UTF-8 bytes of 'é' unencoded.
        for (String target : List.of("/seg/\u00ff", "/seg/\u00c3\u00a9", "/seg/a\u0000b", "/seg/a\u007fb")) {
            assertProblem(get(target), 400);
        }
    }

    @Test
    void dotSegmentsAre400PlainOrEncoded() throws IOException {
        for (String target : List.of("/.", "/..", "/a/./b", "/a/../items", "/items/..", "/seg/%2e", "/seg/%2E%2E",
                "/seg/.%2e", "/files/x/%2e%2e/y", "/files/..", "/./items", "/items/%2e%2e/1")) {
            assertProblem(get(target), 400, "'.' or '..'");
        }
    }

    @Test
    void dotsInsideASegmentAreData() throws IOException {
        assertEquals("...", get("/seg/...").text());
        assertEquals(".hidden", get("/seg/.hidden").text());
        assertEquals("a..b", get("/seg/a..b").text());
    }

    @Test
    void encodedSlashStaysInsideItsSegment() throws IOException {
        assertEquals("a/b", get("/seg/a%2Fb").text());
        // DESIGN "Paths": %2F is data, so a value may hold "../" text. Handlers must never use a path
        // value as a file-system path (SECURITY.md).
        assertEquals("../../etc", get("/seg/..%2F..%2Fetc").text());
        assertEquals("x/../y", get("/files/x%2F..%2Fy").text());
        assertProblem(get("/items/1%2F2"), 400, "Path parameter 'id'");
    }

    @Test
    void decodedNulIs400() throws IOException {
        for (String target : List.of("/seg/%00", "/seg/a%00b", "/files/a/%00", "/files/%00/b")) {
            assertProblem(get(target), 400, "NUL");
        }
    }

    @Test
    void decodedControlCharactersAndQuotesStayValidJsonInProblems() throws IOException {
        JsonNode problem = assertProblem(get("/items/%22%5C%0d%0a%e2%80%a8%09x"), 400, "Path parameter 'id'");
        assertTrue(problem.path("detail").asText().contains("\"\\\r\n\u2028\tx"), problem.toString());
    }

    @Test
    void veryLongSegmentsAreMatchedOrRefusedWithoutEchoingThemWhole() throws IOException {
        String value = "a".repeat(1900);
        assertEquals(value, get("/seg/" + value).text());
        JsonNode problem = assertProblem(get("/items/" + "9".repeat(1900)), 400, "Path parameter 'id'");
        assertTrue(problem.path("detail").asText().length() < 200, problem.toString());
    }

    @Test
    void veryManySegmentsAreMatchedOrRefused() throws IOException {
        assertProblem(get("/a".repeat(1000)), 404);
        assertProblem(get("/".repeat(1500)), 404);
        String rest = "x/".repeat(990) + "x";
        assertEquals(rest, get("/files/" + rest).text());
        assertEquals("a//b/", get("/files/a//b/").text());
    }

    @Test
    void parametersThatDoNotConvertAre400NamingTheParameter() throws IOException {
        assertProblem(get("/items/abc"), 400, "Path parameter 'id'", "integer");
        assertProblem(get("/items/2147483648"), 400, "Path parameter 'id'");
        assertProblem(get("/items/1e3"), 400, "Path parameter 'id'");
        assertProblem(get("/items/%20"), 400, "Path parameter 'id'");
        assertProblem(get("/uuids/not-a-uuid"), 400, "Path parameter 'id'", "UUID");
        assertProblem(get("/uuids/1-1-1-1-1"), 400, "Path parameter 'id'", "UUID");
        assertProblem(get("/colors/blue"), 400, "Path parameter 'color'", "red, green");
        assertProblem(get("/flags/yes"), 400, "Path parameter 'on'", "true or false");
        assertProblem(get("/search"), 400, "Query parameter 'limit' is required");
        assertProblem(get("/search?limit=x"), 400, "Query parameter 'limit'");
        assertProblem(get("/search?limit=1&min=NaN"), 400, "Query parameter 'min'", "finite");
        assertProblem(get("/search?limit=1&min=-Infinity"), 400, "Query parameter 'min'");
        assertProblem(get("/search?limit=%zz"), 400);
        assertProblem(get("/count"), 400, "Header 'X-Count' is required");
        assertProblem(get("/count", "X-Count", "12x"), 400, "Header 'X-Count'");
        assertEquals("item -1", get("/items/-1").text());
        assertEquals("GREEN", get("/colors/green").text());
        assertEquals("limit 3 min 1.5", get("/search?limit=3&min=1.5").text());
        assertEquals("count 12", get("/count", "x-count", "12").text());
    }

    @Test
    void extensionMethodsRouteOr405WithAllow() throws IOException {
        assertEquals("query {\"a\":1}", send("QUERY", "/items", "{\"a\":1}").text());
        for (String method : List.of("FOO", "PATCH", "TRACE", "PROPFIND", "M-SEARCH")) {
            RawHttp.Answer answer = send(method, "/items", null);
            assertProblem(answer, 405);
            assertEquals("GET, HEAD, OPTIONS, POST, QUERY", answer.header("Allow").orElse(null), method);
            assertProblem(send(method, "/nope", null), 404);
        }
        RawHttp.Answer patch = send("PATCH", "/items/1", "{}");
        assertProblem(patch, 405);
        assertEquals("DELETE, GET, HEAD, OPTIONS", patch.header("Allow").orElse(null));
        assertEquals(204, send("DELETE", "/items/1", null).status());
    }

    /** Every GET route, reached with a value that converts, and what it answers. */
    private static final List<String> GET_TARGETS = List.of("/", "/items", "/items/1",
            "/uuids/123e4567-e89b-12d3-a456-426614174000", "/colors/red", "/flags/true", "/seg/x", "/files/a/b",
            "/search?limit=1", "/slow?ms=1");

    @Test
    void headAnswersLikeGetWithoutABodyEverywhere() throws IOException {
        for (String target : GET_TARGETS) {
            RawHttp.Answer get = get(target);
            try (RawHttp http = RawHttp.local(server.port())) {
                RawHttp.Answer head = http.send("HEAD", target);
                assertEquals(get.status(), head.status(), target);
                assertEquals(get.header("Content-Type"), head.header("Content-Type"), target);
                assertEquals(String.valueOf(get.body().length), head.header("Content-Length").orElse(null), target);
                assertEquals(0, head.body().length, target);
                // Had the HEAD answer carried a body, this second request on the same connection would
                // read it as its status line.
                assertEquals(get.status(), http.send("GET", target).status(), target);
            }
        }
        for (String target : List.of("/items/abc", "/nope", "/echo", "/seg/%ff")) {
            try (RawHttp http = RawHttp.local(server.port())) {
                RawHttp.Answer head = http.send("HEAD", target);
                RawHttp.Answer get = http.send("GET", target);
                assertEquals(get.status(), head.status(), target);
                assertEquals(get.header("Allow"), head.header("Allow"), target);
                assertEquals(0, head.body().length, target);
                assertRevealsNothing(get);
            }
        }
    }

    @Test
    void optionsAnswers204WithAllowEverywhere() throws IOException {
        for (String target : GET_TARGETS) {
            RawHttp.Answer options = send("OPTIONS", target, null);
            assertEquals(204, options.status(), target);
            assertEquals(0, options.body().length, target);
            assertTrue(options.header("Allow").orElse("").contains("GET, HEAD, OPTIONS"), target);
        }
        assertEquals("DELETE, GET, HEAD, OPTIONS", send("OPTIONS", "/items/1", null).header("Allow").orElse(null));
        assertEquals("OPTIONS, POST", send("OPTIONS", "/echo", null).header("Allow").orElse(null));
        assertProblem(send("OPTIONS", "/nope", null), 404);
        assertProblem(send("OPTIONS", "/items/%zz", null), 400);
        assertProblem(send("OPTIONS", "/items/..", null), 400);
    }

    @Test
    void targetsThatAreNotAbsolutePathsAre400() throws IOException {
        // The asterisk form (OPTIONS *) is refused (SECURITY.md, known gaps); a relative target, a
        // scheme other than http(s) and a fragment are malformed.
        assertProblem(send("OPTIONS", "*", null), 400, "absolute path");
        assertProblem(get("items"), 400);
        assertProblem(get("ftp://127.0.0.1/items"), 400);
        assertProblem(get("/items#top"), 400);
    }

    @Test
    void absoluteFormTargetsAreServedAsTheirPath() throws IOException {
        // RFC 9112 3.2.2: a server MUST accept the absolute form; it routes on its path, and its
        // authority is the request's host.
        RawHttp.Answer answer = get("http://127.0.0.1/items");
        assertEquals(200, answer.status());
        assertEquals(get("/items").text(), answer.text());
        assertEquals(get("/").status(), get("http://127.0.0.1").status());
    }
}
