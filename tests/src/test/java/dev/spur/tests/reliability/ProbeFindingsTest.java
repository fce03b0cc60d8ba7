package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application-level findings of the adversarial probe, against the example app over raw HTTP:
 * each answer is a precise 2xx or a 4xx problem, never a 5xx or a dropped connection, side effects
 * happen exactly once or not at all, and the log stays quiet (no record at WARNING or above).
 */
class ProbeFindingsTest {

    private ExampleServer app;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        app = new ExampleServer(3);
    }

    @AfterEach
    void stop(TestInfo test) {
        try {
            app.close();
            logs.assertQuiet(test.getDisplayName());
        } finally {
            logs.close();
        }
    }

    private RawHttp.Answer send(String method, String target, Map<String, String> headers, String body)
            throws IOException {
        try (RawHttp http = app.client()) {
            return http.send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private RawHttp.Answer sendBytes(String target, String contentType, byte[] body) throws IOException {
        try (RawHttp http = app.client()) {
            return http.send("POST", target, Map.of("Content-Type", contentType), body);
        }
    }

    // --- 5: a malformed q-value ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;q=abc", "text/plain;q=0x1", "text/plain;q=2", "text/plain;q=-1"})
    void aMalformedQValueIsA400NotA500(String accept) throws IOException {
        assertProblem(send("GET", "/about", Map.of("Accept", accept), null), 400, "Accept");
    }

    @Test
    void aWellFormedQValueStillNegotiates() throws IOException {
        RawHttp.Answer answer = send("GET", "/about", Map.of("Accept", "application/json;q=0.1, text/plain;q=0.9"), null);
        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("text/plain"), answer.headers()::toString);
    }

    @Test
    void javasDefaultAcceptHeaderIsNoError() throws IOException {
        // HttpURLConnection sends this when told nothing: a bare '*' and q=.2 must not make a 400
        RawHttp.Answer answer = send("GET", "/about",
                Map.of("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"), null);
        assertEquals(200, answer.status(), answer::text);
    }

    // --- 6 and 7: Accept on routes that declare no produces ------------------------------------

    @Test
    void headWithAnAcceptTheJsonRouteDoesNotProduceIsAnsweredLikeItsGet() throws IOException {
        RawHttp.Answer get = send("GET", "/bookmarks/1", Map.of(), null);
        RawHttp.Answer head = send("HEAD", "/bookmarks/1", Map.of("Accept", "text/plain"), null);
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.header("Content-Length").orElse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bookmarks/1", "/", "/bookmarks"})
    void anAcceptOfHtmlGetsTheJsonAnswerNotADroppedConnection(String target) throws IOException {
        RawHttp.Answer answer = send("GET", target, Map.of("Accept", "text/html"), null);
        assertEquals(200, answer.status(), answer::text);
        assertTrue(answer.header("Content-Type").orElse("").contains("json"), answer.headers()::toString);
        assertEquals(send("GET", target, Map.of(), null).text(), answer.text());
    }

    @Test
    void aPostWithAnAcceptOfHtmlCreatesExactlyOneBookmarkAndSays201() throws IOException {
        int before = app.store.all().size();
        RawHttp.Answer answer = send("POST", "/bookmarks",
                Map.of("Accept", "text/html", "Content-Type", "application/json"),
                "{\"url\":\"https://accept.example/\",\"title\":\"t\",\"tags\":[]}");
        assertEquals(201, answer.status(), answer::text);
        assertTrue(answer.header("Location").isPresent());
        assertEquals(before + 1, app.store.all().size());
    }

    // --- 10: the example app's own input checks ------------------------------------------------

    @Test
    void theLargestOffsetIsAnEmptyPageNotAnOverflow() throws IOException {
        RawHttp.Answer answer = send("GET", "/bookmarks?offset=2147483647", Map.of(), null);
        assertEquals(200, answer.status(), answer::text);
        assertTrue(answer.text().contains("\"items\":[]"), answer::text);
        assertProblem(send("GET", "/bookmarks?offset=2147483648", Map.of(), null), 400, "offset");
    }

    @Test
    void aTagOfThousandsOfLevelsIsA400InOnePass() throws IOException {
        String deep = "/a".repeat(2_500);
        assertProblem(send("GET", "/tags" + deep, Map.of(), null), 400, "tag");
        String body = "{\"url\":\"https://deep.example/\",\"tags\":[\"" + deep.substring(1) + "\"]}";
        assertProblem(send("POST", "/bookmarks", Map.of("Content-Type", "application/json"), body), 400, "tag");
        assertProblem(send("GET", "/tags/" + "a/".repeat(8) + "a", Map.of(), null), 400, "levels");
        assertEquals(200, send("GET", "/tags/" + "a/".repeat(7) + "a", Map.of(), null).status());
    }

    @Test
    void anInvalidTagIsEchoedAtMost64Characters() throws IOException {
        String tag = "X".repeat(80) + "!";
        String body = "{\"url\":\"https://echo.example/\",\"tags\":[\"" + tag + "\"]}";
        RawHttp.Answer answer = send("POST", "/bookmarks", Map.of("Content-Type", "application/json"), body);
        assertProblem(answer, 400);
        assertFalse(answer.text().contains("X".repeat(65)), answer::text);
    }

    // --- 11: only ASCII digits are numbers -----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"%D9%A1", "%EF%BC%91", "%E0%A5%A7", "1%20", "%201", "0x1"})
    void aNonAsciiOrPaddedDigitIsNoId(String id) throws IOException {
        assertProblem(send("GET", "/bookmarks/" + id, Map.of(), null), 400, "'id'");
        assertProblem(send("GET", "/bookmarks?limit=" + id, Map.of(), null), 400, "'limit'");
    }

    @Test
    void asciiIdsStillConvert() throws IOException {
        assertEquals(200, send("GET", "/bookmarks/1", Map.of(), null).status());
        assertEquals(200, send("GET", "/bookmarks/+1", Map.of(), null).status());
    }

    // --- 13: a port is digits -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"echo.example.internal:-1", "echo.example.internal:+80", "echo.example.internal:99999",
        "echo.example.internal:8o", "localhost:١"})
    void aHostWhosePortIsNotDigitsIsA400AndNeverHijacked(String host) throws IOException {
        try (RawHttp http = app.client()) {
            RawHttp.Answer answer = http.sendRaw(("GET /bookmarks/1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8), false);
            assertProblem(answer, 400);
        }
    }

    @Test
    void aHostWithAValidPortIsServed() throws IOException {
        try (RawHttp http = app.client()) {
            RawHttp.Answer answer = http.sendRaw("GET /x HTTP/1.1\r\nHost: echo.example.internal:8080\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII), false);
            assertEquals(200, answer.status());
        }
    }

    // --- 15: JSON bodies are one value in UTF-8 ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\":\"https://t.example/\"} xyz", "{\"url\":\"https://t.example/\"}{}",
        "{\"url\":\"https://t.example/\"} ]", "[] []"})
    void jsonWithSomethingAfterItsValueIsA400AndCreatesNothing(String body) throws IOException {
        int before = app.store.all().size();
        assertProblem(send("POST", "/bookmarks", Map.of("Content-Type", "application/json"), body), 400);
        assertEquals(before, app.store.all().size());
    }

    @Test
    void invalidUtf8InJsonIsA400NotAReplacementCharacter() throws IOException {
        byte[] prefix = "{\"url\":\"https://utf.example/\",\"title\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;   // a lead byte with no continuation
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        int before = app.store.all().size();
        assertProblem(sendBytes("/bookmarks", "application/json", body), 400, "UTF-8");
        assertEquals(before, app.store.all().size());
    }

    @Test
    void aJsonBodyInAnotherCharsetIs415() throws IOException {
        assertProblem(sendBytes("/bookmarks", "application/json; charset=latin1",
                "{\"url\":\"https://l.example/\"}".getBytes(StandardCharsets.ISO_8859_1)), 415, "UTF-8");
        RawHttp.Answer utf8 = sendBytes("/bookmarks", "application/json; charset=UTF-8",
                "{\"url\":\"https://u.example/\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, utf8.status(), utf8::text);
    }

    @Test
    void aProblemNeverEchoesAMegabyteOfInput() throws IOException {
        String huge = "x".repeat(60_000);
        for (RawHttp.Answer answer : new RawHttp.Answer[] {
            send("GET", "/bookmarks/" + huge.substring(0, 4_000), Map.of(), null),
            send("POST", "/bookmarks", Map.of("Content-Type", "application/json"), "{\"url\":\"" + huge + "\"}"),
            send("POST", "/bookmarks", Map.of("Content-Type", "application/json"), "{\"url\":" + huge + "}")}) {
            assertProblem(answer, 400);
            assertTrue(answer.body().length < 600, answer::text);
        }
    }
}
