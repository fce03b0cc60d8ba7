package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Priority, backtracking, raw-path decoding and method handling, over real HTTP. */
class RoutingTest extends TestRouterServerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/r/users/me              | me",
            "/r/users/42              | user 42",
            "/r/users/me/posts        | posts of me",
            "/r/users/a%2Fb           | user a/b",
            "/r/users/%E2%9C%93       | user \u2713",
            "/r/files/readme          | readme",
            "/r/files/readme/more     | file readme/more",
            "/r/files/a/b/c.txt       | file a/b/c.txt",
            "/r/files/a%2Fb/c%20d     | file a/b/c d",
            "/r/files/a//b            | file a//b",
            "/r/docs                  | docs",
            "/r/docs/                 | docs/",
            "/r/docs?x=/y             | docs",
            "/r/users/100%25          | user 100%",
            "/r/users/a%252Fb         | user a%2Fb",
            "/r/files/x%25/y%2F%25    | file x%/y/%",
    })
    void theHighestPriorityMatchingRouteAnswers(String target, String expected) throws IOException {
        RawHttp.Answer answer = http.send("GET", target);
        assertEquals(200, answer.status(), answer::text);
        assertEquals(expected, answer.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/r/users", "/r/users/", "/r/users/me/", "/r/files", "/r/files/", "/r/Docs", "/nowhere",
            "//r/docs", "/r//docs"})
    void unmatchedPathsAre404(String target) throws IOException {
        assertProblem(http.send("GET", target), 404, "No route matches the request path.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/r/users/..", "/r/files/a/../b", "/r/files/./a", "/r/files/%2e%2E/a", "/r/users/%00",
            "/r/users/%C3%28", "/r/users/%e2%9c"})
    void unsafeOrUndecodablePathsAre400(String target) throws IOException {
        RawHttp.Answer answer = http.send("GET", target);
        assertEquals(400, answer.status(), answer::text);
    }

    @Test
    void malformedPercentEncodingIs400() throws IOException {
        assertEquals(400, http.send("GET", "/r/users/%zz").status());
    }

    @Test
    void aWrongMethodIs405WithAllow() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/r/users/42");
        assertProblem(answer, 405, "see the Allow header");
        assertEquals("GET, HEAD, OPTIONS", answer.header("Allow").orElseThrow());
    }

    @Test
    void anUnknownMethodIs405OnAKnownPathAnd404Elsewhere() throws IOException {
        RawHttp.Answer known = http.send("FOO", "/r/users/42");
        assertEquals(405, known.status());
        assertEquals("GET, HEAD, OPTIONS", known.header("Allow").orElseThrow());
        assertEquals(404, http.send("FOO", "/nowhere").status());
    }

    @Test
    void aCustomMethodRoutes() throws IOException {
        RawHttp.Answer answer = http.send("PURGE", "/r/cache/k1");
        assertEquals(200, answer.status());
        assertEquals("purged k1", answer.text());
        RawHttp.Answer wrong = http.send("GET", "/r/cache/k1");
        assertEquals(405, wrong.status());
        assertEquals("OPTIONS, PURGE", wrong.header("Allow").orElseThrow());
    }

    @Test
    void optionsIs204WithAllow() throws IOException {
        RawHttp.Answer answer = http.send("OPTIONS", "/r/users/42");
        assertEquals(204, answer.status());
        assertEquals("GET, HEAD, OPTIONS", answer.header("Allow").orElseThrow());
        assertEquals(0, answer.body().length);
        assertEquals(404, http.send("OPTIONS", "/nowhere").status());
    }

    @Test
    void anExplicitOptionsRouteReplacesTheAutomaticAnswer() throws IOException {
        RawHttp.Answer answer = http.send("OPTIONS", "/r/explicit");
        assertEquals(200, answer.status());
        assertEquals("yes", answer.header("X-Explicit").orElseThrow());
        assertEquals("options", answer.text());
    }

    @Test
    void headRunsTheGetRouteWithoutABody() throws IOException {
        RawHttp.Answer get = http.send("GET", "/r/users/42");
        RawHttp.Answer head = http.send("HEAD", "/r/users/42");
        assertEquals(200, head.status());
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        RawHttp.Answer next = http.send("GET", "/r/users/43");
        assertEquals("user 43", next.text(), "no body bytes were left on the connection by the HEAD answer");
    }

    @Test
    void anExplicitHeadRouteWinsOverTheGetRoute() throws IOException {
        RawHttp.Answer head = http.send("HEAD", "/r/docs");
        assertEquals(200, head.status());
        assertEquals("explicit", head.header("X-Head").orElseThrow());
        RawHttp.Answer get = http.send("GET", "/r/docs");
        assertEquals("docs", get.text());
        assertEquals(java.util.Optional.empty(), get.header("X-Head"));
        RawHttp.Answer headOther = http.send("HEAD", "/r/docs/");
        assertEquals(200, headOther.status(), "HEAD still falls back to the GET route elsewhere");
        assertEquals(java.util.Optional.empty(), headOther.header("X-Head"));
    }

    @Test
    void aBadParameterOnHeadIs400WithoutBody() throws IOException {
        RawHttp.Answer head = http.send("HEAD", "/typed/int/x");
        assertEquals(400, head.status());
        assertEquals("application/problem+json", head.header("Content-Type").orElseThrow());
        assertEquals("user 1", http.send("GET", "/r/users/1").text());
    }
}
