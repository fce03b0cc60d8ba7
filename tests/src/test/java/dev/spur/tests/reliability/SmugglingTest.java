package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ExampleServer.ECHO_HOST;
import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.tests.support.Http2Frames;
import dev.spur.tests.support.RawHttp;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.1 framing on raw sockets against the example bookmarks app: no request can be hidden in
 * another's body or behind a malformed line, and the store proves it (the smuggled request is
 * {@code DELETE /bookmarks/3}, so bookmark 3 must still exist). Each case runs on one connection;
 * "closed" means the server closes it after its answer (end of stream within 2 s). No answer is a
 * 5xx other than 505 (an HTTP version this server does not speak), every error is a problem+json, and nothing is logged at WARNING or above.
 */
class SmugglingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request smuggling tries to run. */
    private static final String SMUGGLED = "DELETE /bookmarks/3 HTTP/1.1\r\nHost: x\r\n\r\n";

    /** A request whose answer is recognisable: the echo of {@code GET /sentinel}. */
    private static final String SENTINEL = "GET /sentinel HTTP/1.1\r\nHost: " + ECHO_HOST + "\r\n\r\n";

    private ExampleServer app;
    private RawHttp http;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        app = new ExampleServer(5);
        http = app.client();
    }

    @AfterEach
    void stop(TestInfo test) {
        try {
            http.close();
            app.close();
            logs.assertQuiet(test.getDisplayName());
        } finally {
            logs.close();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private void assertClosed() throws IOException {
        assertTrue(http.isClosed(), "the server must close the connection after that answer");
    }

    /** Bookmark 3 still exists, in the store and over a new connection. */
    private void assertNotSmuggled() throws IOException {
        assertTrue(app.exists(3), "the smuggled DELETE /bookmarks/3 ran");
        assertEquals(200, app.get("/bookmarks/3").status(), "bookmark 3 must still be served");
    }

    private static boolean isSentinel(RawHttp.Answer answer) throws IOException {
        if (answer.status() != 200) {
            return false;
        }
        JsonNode echo = JSON.readTree(answer.body());
        return echo != null && "GET".equals(echo.path("method").asText())
                && "/sentinel".equals(echo.path("path").asText());
    }

    /**
     * After a first answer: either the server closes the connection, or the next answer is the
     * sentinel's (the body in between was consumed, not parsed as a request).
     */
    private void assertClosedOrSentinelAnswered(String context) throws IOException {
        RawHttp.Answer next;
        try {
            next = http.finalAnswer();
        } catch (EOFException closed) {
            return;
        }
        assertTrue(isSentinel(next), () -> context + ": the second answer on the connection is not the sentinel's "
                + "but " + next.status() + " " + next.text() + ", so the body was parsed as a request");
    }

    private static String chunked(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.ISO_8859_1).length) + "\r\n" + data + "\r\n0\r\n\r\n";
    }

    private static int length(String body) {
        return body.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    // --- 1, 2: chunked framing ---------------------------------------------------------------

    @Test
    void aChunkSizeOverTheLimitIs413AndClosesAndTheRestNeverRuns() throws IOException {
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n7fffffff\r\n" + SMUGGLED);
        assertProblem(http.finalAnswer(), 413);
        assertClosed();
        assertNotSmuggled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffffffffffff", "10000000000000000", "7fffffffffffffffff"})
    void aChunkSizeThatOverflowsIsRefusedAndClosed(String size) throws IOException {
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + SMUGGLED);
        RawHttp.Answer answer = http.finalAnswer();
        assertTrue(answer.status() == 400 || answer.status() == 413, answer::text);
        assertProblem(answer, answer.status());
        assertClosed();
        assertNotSmuggled();
    }

    @Test
    void aChunkLineEndingInABareLfIs400AndClosesAndThePipelinedRequestNeverRuns() throws IOException {
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\nx\r\n0\r\n\r\n" + SMUGGLED);
        assertProblem(http.finalAnswer(), 400);
        assertClosed();
        assertNotSmuggled();
    }

    // --- 3: Expect: 100-continue with a body the route never reads ---------------------------

    /** Requests whose route answers without reading the body: the head up to its framing headers. */
    static Stream<Arguments> unreadBodies() {
        return Stream.of(
                Arguments.of("POST /nothing-here HTTP/1.1\r\nHost: x\r\n", 404),
                Arguments.of("PUT /bookmarks/abc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n", 400),
                Arguments.of("POST /bookmarks/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n", 405),
                Arguments.of("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n", 415),
                Arguments.of("OPTIONS /bookmarks/1 HTTP/1.1\r\nHost: x\r\n", 0),
                Arguments.of("GET /bookmarks/1 HTTP/1.1\r\nHost: x\r\n", 200));
    }

    @ParameterizedTest(name = "[{index}] {1} with Content-Length")
    @MethodSource("unreadBodies")
    void anExpectedContentLengthBodyARouteNeverReadsIsNeverParsedAsARequest(String head, int status)
            throws IOException {
        http.write(head + "Expect: 100-continue\r\nContent-Length: " + length(SMUGGLED) + "\r\n\r\n" + SMUGGLED
                + SENTINEL);
        assertUnreadBodyHandled(status);
    }

    @ParameterizedTest(name = "[{index}] {1} chunked")
    @MethodSource("unreadBodies")
    void anExpectedChunkedBodyARouteNeverReadsIsNeverParsedAsARequest(String head, int status) throws IOException {
        http.write(head + "Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(SMUGGLED)
                + SENTINEL);
        assertUnreadBodyHandled(status);
    }

    @ParameterizedTest(name = "[{index}] {1} with Content-Length, 100-continue in a second Expect field")
    @MethodSource("unreadBodies")
    void anExpectationInASecondFieldCountsToo(String head, int status) throws IOException {
        // Helidon waits for the body when any Expect field holds 100-continue, so Spur must see it there too.
        http.write(head + "Expect: nonsense\r\nExpect: 100-continue\r\nContent-Length: " + length(SMUGGLED)
                + "\r\n\r\n" + SMUGGLED + SENTINEL);
        assertUnreadBodyHandled(status);
    }

    @ParameterizedTest(name = "[{index}] {1} with Content-Length, no Expect")
    @MethodSource("unreadBodies")
    void aContentLengthBodyARouteNeverReadsIsNeverParsedAsARequest(String head, int status) throws IOException {
        http.write(head + "Content-Length: " + length(SMUGGLED) + "\r\n\r\n" + SMUGGLED + SENTINEL);
        assertUnreadBodyHandled(status);
    }

    private void assertUnreadBodyHandled(int status) throws IOException {
        RawHttp.Answer answer = http.finalAnswer();
        if (status == 0) {
            assertTrue(answer.status() == 200 || answer.status() == 204, () -> answer.status() + " " + answer.text());
            assertTrue(answer.header("Allow").orElse("").contains("DELETE"), answer.headers()::toString);
        } else if (status >= 400) {
            assertProblem(answer, status);
        } else {
            assertEquals(status, answer.status(), answer::text);
        }
        assertClosedOrSentinelAnswered("after a " + answer.status() + " to a request whose body was not read");
        assertNotSmuggled();
    }

    // --- 4: Connection: close ----------------------------------------------------------------

    @Test
    void connectionCloseIsOneAnswerThenClosedAndThePipelinedRequestNeverRuns() throws IOException {
        http.write("GET /bookmarks/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + SMUGGLED);
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        assertEquals("close", answer.header("Connection").orElse("").toLowerCase(java.util.Locale.ROOT));
        assertClosed();
        assertNotSmuggled();
    }

    // --- 5: malformed chunk lines and header fields ------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"+5\r\nhello\r\n0\r\n\r\n", "5\r\nhelloZZ0\r\n\r\n", "5\r\nhelloZZ\r\n0\r\n\r\n",
        "-5\r\nhello\r\n0\r\n\r\n", " 5\r\nhello\r\n0\r\n\r\n", "0x5\r\nhello\r\n0\r\n\r\n", "5 \r\nhello\r\n0\r\n\r\n"})
    void aMalformedChunkIs400AndClosesAndThePipelinedRequestNeverRuns(String body) throws IOException {
        http.write("POST /echo HTTP/1.1\r\nHost: " + ECHO_HOST + "\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + body + SMUGGLED);
        assertProblem(http.finalAnswer(), 400);
        assertClosed();
        assertNotSmuggled();
    }

    @Test
    void anEmptyHeaderNameIs400AndCloses() throws IOException {
        http.write("POST /bookmarks/1 HTTP/1.1\r\nHost: x\r\n: a\r\nContent-Length: " + length(SMUGGLED) + "\r\n\r\n"
                + SMUGGLED);
        assertProblem(http.finalAnswer(), 400);
        assertClosed();
        assertNotSmuggled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A: a\r\n  b\r\n", "X-A: a\r\n\tb\r\n", "X-A : a\r\n", "Content-Length : 5\r\n",
        "X-A: a\rb\r\n", "X-A: a\r\r\n", "X\u0001A: a\r\n"})
    void aMalformedHeaderFieldIs400AndTheBodyIsNeverParsedAsARequest(String field) throws IOException {
        http.write("POST /bookmarks/1 HTTP/1.1\r\nHost: x\r\n" + field + "Content-Length: " + length(SMUGGLED)
                + "\r\n\r\n" + SMUGGLED + SENTINEL);
        assertProblem(http.finalAnswer(), 400);
        assertClosedOrSentinelAnswered("after a 400 for a malformed header field");
        assertNotSmuggled();
    }

    // --- 6: valid chunk extensions and trailers ----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"5;name=value\r\nhello\r\n0\r\n\r\n", "5\r\nhello\r\n0\r\nX-Trailer: v\r\n\r\n",
        "5;a=b;c=\"d e\"\r\nhello\r\n0;x=y\r\nX-Trailer: v\r\nX-Other: w\r\n\r\n", "2\r\nhe\r\n3;n\r\nllo\r\n0\r\n\r\n"})
    void chunkExtensionsAndTrailersAreValid(String body) throws IOException {
        http.write("POST /echo HTTP/1.1\r\nHost: " + ECHO_HOST + "\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + body + SENTINEL);
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        assertEquals("hello", JSON.readTree(answer.body()).path("body").asText(), answer::text);
        assertTrue(isSentinel(http.finalAnswer()), "the pipelined request is answered normally");
    }

    @Test
    void aChunkedJsonBodyWithExtensionsAndTrailersCreatesABookmark() throws IOException {
        String json = "{\"url\":\"https://chunked.example/\"}";
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length(json)) + ";name=value\r\n" + json
                + "\r\n0\r\nX-Trailer: v\r\n\r\n" + "GET /bookmarks/6 HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Answer created = http.finalAnswer();
        assertEquals(201, created.status(), created::text);
        RawHttp.Answer read = http.finalAnswer();
        assertEquals(200, read.status(), read::text);
        assertEquals("https://chunked.example/", JSON.readTree(read.body()).path("url").asText());
    }

    // --- 7: method tokens --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"G{T", "G@T", "G\u0080T", "G(T", "G\"T", "G,T"})
    void aMethodWithCharactersOutsideTheTokenIs400(String method) throws IOException {
        http.write(method + " /bookmarks/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 400);
        assertEquals(200, app.get("/bookmarks/1").status());
    }

    @Test
    void methodsAreCaseSensitiveSoALowerCaseDeleteIs400() throws IOException {
        http.write("delete /bookmarks/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 400);
        assertTrue(app.exists(1), "a lower-case delete must not run DELETE");
        http.close();
        http.write("Delete /bookmarks/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 400);
        assertTrue(app.exists(1), "a mixed-case Delete must not run DELETE");
        assertEquals(200, app.get("/bookmarks/1").status());
    }

    // --- 8: clients that go away -------------------------------------------------------------

    @Test
    void aRequestCutShortByAHalfCloseIsNoServerErrorAndLogsNothing() throws IOException {
        http.write("GET / HTTP/1.1\r\nHost: local");
        http.halfClose();
        assertNoServerErrorBeforeTheClose();
    }

    @Test
    void aHeaderBlockCutShortByAHalfCloseIsNoServerErrorAndLogsNothing() throws IOException {
        http.write("GET / HTTP/1.1\r\nHost: local\r\nX-A: b\r\n");
        http.halfClose();
        assertNoServerErrorBeforeTheClose();
    }

    @Test
    void aBodyCutShortByAHalfCloseIsNoServerErrorAndLogsNothing() throws IOException {
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
                + "\r\n{\"url\":");
        http.halfClose();
        assertNoServerErrorBeforeTheClose();
        http.close();
        http.write("POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"url\":");
        http.halfClose();
        assertNoServerErrorBeforeTheClose();
    }

    private void assertNoServerErrorBeforeTheClose() throws IOException {
        try {
            RawHttp.Answer answer = http.finalAnswer();
            assertTrue(answer.status() == 400 || answer.status() == 408, () -> answer.status() + " " + answer.text());
            assertProblem(answer, answer.status());
        } catch (EOFException closedWithoutAnswer) {
            // as good as a 400
        }
        assertClosed();
        awaitTheServerDoneAndServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"G", "GET /bookmarks/1 HT", "GET /bookmarks/1 HTTP/1.1\r\n", "GET /bookmarks/1 HTTP/1.1\r\nHo",
        "GET /bookmarks/1 HTTP/1.1\r\nHost: x\r\n", "POST /bookmarks HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{"})
    void aSlowClientThatClosesMidRequestLogsNothing(String part) throws Exception {
        byte[] bytes = part.getBytes(StandardCharsets.ISO_8859_1);
        int half = bytes.length / 2;
        http.write(java.util.Arrays.copyOfRange(bytes, 0, half));
        Thread.sleep(50);
        http.write(java.util.Arrays.copyOfRange(bytes, half, bytes.length));
        Thread.sleep(50);
        http.close();
        awaitTheServerDoneAndServing();
    }

    /** The server still serves, and had time to log about the connection that went away. */
    private void awaitTheServerDoneAndServing() throws IOException {
        assertEquals(200, app.get("/bookmarks/1").status());
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- 9: fragments ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/tags/a#b", "/bookmarks/1#", "/bookmarks#x", "/bookmarks?q=a#b"})
    void aFragmentInTheTargetIs400(String target) throws IOException {
        http.write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 400);
    }

    // --- 10: request lines and versions ------------------------------------------------------

    @Test
    void oneLeadingEmptyLineIsIgnored() throws IOException {
        http.write("\r\nGET /bookmarks/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        assertEquals(1, JSON.readTree(answer.body()).path("id").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /bookmarks/1 HTTP/1.0\r\nHost: x\r\n\r\n", "GET /bookmarks/1 HTTP/1.0\r\n\r\n"})
    void http10IsAnsweredThenClosed(String request) throws IOException {
        http.write(request + SMUGGLED);
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        assertEquals(1, JSON.readTree(answer.body()).path("id").asLong(), answer::text);
        assertClosed();
        assertNotSmuggled();
    }

    @Test
    void http20InARequestLineIs505() throws IOException {
        http.write("GET / HTTP/2.0\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 505);
        assertClosed();
    }

    @Test
    void anHttp1RequestAfterTheHttp2PrefaceIsAnHttp2ProtocolErrorAndClosed() throws IOException {
        // HTTP/2 is on by default, so the exact preface hands the connection to HTTP/2; the HTTP/1.1
        // request after it is then bytes that are not a frame: a GOAWAY, never an HTTP/1.1 answer.
        http.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + SMUGGLED);
        List<Http2Frames.Frame> frames = Http2Frames.parse(http.readUntilClosed(5_000));
        assertFalse(frames.isEmpty(), "the server answered nothing before it closed");
        Http2Frames.Frame last = frames.getLast();
        assertEquals(Http2Frames.GOAWAY, last.type(), "the last frame: " + frames);
        assertTrue(last.goAwayError() != 0, "a GOAWAY for a malformed frame carries an error code");
        assertNotSmuggled();
    }

    @Test
    void theHttp2PrefaceIsRefusedAndClosedWhenHttp2IsOff() throws IOException {
        try (ExampleServer http1Only = new ExampleServer(5, builder -> builder.http2(false));
                RawHttp client = http1Only.client()) {
            client.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + SMUGGLED);
            RawHttp.Answer answer = client.finalAnswer();
            assertProblem(answer, 505);
            assertTrue(client.isClosed(), "the server must close the connection after that answer");
            assertTrue(http1Only.exists(3), "the smuggled DELETE /bookmarks/3 ran");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\nHost: x\n\n", "GET / HTTP/1.1\r\nHost: x\n\n", "GET / HTTP/1.1\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n\n"})
    void bareLfLineEndsAre400AndClosed(String request) throws IOException {
        http.write(request + SMUGGLED);
        assertProblem(http.finalAnswer(), 400);
        assertClosed();
        assertNotSmuggled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/bookmarks/1", "https://example.com/bookmarks/1",
        "HTTP://example.com/bookmarks/1", "http://example.com:8080/bookmarks/1"})
    void anAbsoluteFormTargetIsRoutedByItsPath(String target) throws IOException {
        http.write("GET " + target + " HTTP/1.1\r\nHost: " + ECHO_HOST + "\r\n\r\n");
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        JsonNode bookmark = JSON.readTree(answer.body());
        assertEquals(1, bookmark.path("id").asLong(), "the authority example.com overrides Host: " + answer.text());
    }

    @Test
    void theAuthorityOfAnAbsoluteFormTargetIsTheHostConditionsSee() throws IOException {
        http.write("GET http://" + ECHO_HOST + "/bookmarks/1?a=b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawHttp.Answer answer = http.finalAnswer();
        assertEquals(200, answer.status(), answer::text);
        JsonNode echo = JSON.readTree(answer.body());
        assertEquals("/bookmarks/1", echo.path("path").asText(), "the echo hijack answers: " + answer.text());
        assertEquals("a=b", echo.path("query").asText(), answer::text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/bookmarks/1", "file:///bookmarks/1", "ws://example.com/bookmarks/1",
        "javascript:alert(1)"})
    void anAbsoluteFormTargetWithAnotherSchemeIs400(String target) throws IOException {
        http.write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(http.finalAnswer(), 400);
    }

    @Test
    void theSentinelOfTheseTestsIsRecognised() throws IOException {
        http.write(SENTINEL + SENTINEL);
        assertTrue(isSentinel(http.finalAnswer()));
        assertTrue(isSentinel(http.finalAnswer()));
        assertFalse(http.isClosed(200), "a kept-alive connection stays open");
        assertTrue(List.of(1L, 2L, 3L, 4L, 5L).stream().allMatch(app::exists));
    }

    // --- unread bodies: drained when small, the connection closed otherwise ---------------------

    @Test
    void aSmallUnreadBodyIsDrainedAndTheConnectionGoesOn() throws IOException {
        http.write("GET /nope HTTP/1.1\r\nHost: x\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n"
                + SMUGGLED + SENTINEL);
        assertProblem(http.finalAnswer(), 404);
        RawHttp.Answer sentinel = http.finalAnswer();
        assertEquals(200, sentinel.status());
        assertTrue(sentinel.text().contains("/sentinel"), sentinel::text);
        assertTrue(app.exists(3), "the DELETE in the drained body ran");
    }

    @Test
    void anUnreadChunkedOrLargeBodyClosesTheConnection() throws IOException {
        String chunked = Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";
        http.write("GET /nope HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + SENTINEL);
        assertProblem(http.finalAnswer(), 404);
        assertTrue(http.isClosed(), "an unread chunked body closes the connection");
        http.close();
        String large = "x".repeat(64 * 1024 + 1);   // just over the drain limit
        http.write("GET /nope HTTP/1.1\r\nHost: x\r\nContent-Length: " + large.length() + "\r\n\r\n" + large);
        assertProblem(http.finalAnswer(), 404);
        assertTrue(http.isClosed(), "an unread body over the drain limit closes the connection");
        assertTrue(app.exists(3));
    }
}
