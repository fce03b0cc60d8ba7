package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A catch-all bound to {@code SafePath} or {@code java.nio.file.Path} never receives a path that
 * leaves its directory, whatever the encoding: every trick is a 400 problem, before the handler runs.
 */
class SafePathTest extends TestRouterServerTest {

    /** Spellings of a path that leaves its directory, or that a file system reads as one that does. */
    static final List<String> ESCAPES = List.of(
            "..%2Fetc%2Fpasswd",              // %2F: a slash inside one segment, decoded into the catch-all
            "..%2fetc%2fpasswd",              // lower-case hex
            "a%2F..%2F..%2Fsecret",
            "%2e%2e%2Fsecret",                // encoded dots
            "%2E%2e%2fsecret",                // mixed case
            "..%5Csecret",                    // %5C: a backslash
            "a%5C..%5Csecret",
            "%5Cserver%5Cshare",              // a UNC path
            "C:%5Cwindows",                   // a drive
            "c%3A%2Fwindows",
            "%2Fetc%2Fpasswd",                // absolute: starts with a slash
            "a%2F%2Fb",                       // an empty segment
            "a%2F",                           // a trailing slash
            "..%2520secret",                  // double encoding leaves '%'
            "%252e%252e%252fsecret",
            "...",                            // trailing dots (Windows drops them)
            "secret.",
            "..%20",                          // a trailing space
            "%2e%2e%20%2Fsecret",
            "%EF%BC%8E%EF%BC%8E%2Fsecret",    // full-width dots: NFKC reads them as '..'
            "a%EF%BC%8Fb",                    // a full-width solidus: NFKC reads it as '/'
            "a%09b",                          // a control character
            "file.txt%3A%3A%24DATA");         // an NTFS stream name

    /** Spellings the router itself refuses for every route (never a catch-all value). */
    static final List<String> REFUSED_BY_ROUTER = List.of(
            "..", "%2e%2e", "%2E%2E/secret", ".", "%2e", "a/../../secret", "%00", "a%00b", "%c0%ae%c0%ae",
            "%c0%af", "%e0%80%ae", "%zz", "%", "a%2");

    @Test
    void everyEscapeIsA400BeforeTheHandler() throws IOException {
        for (String escape : ESCAPES) {
            for (String route : List.of("/io/files/", "/io/paths/")) {
                RawHttp.Answer answer = http.send("GET", route + escape);
                assertEquals(400, answer.status(), () -> route + escape + " -> " + answer.text());
                assertProblem(answer, 400, "must be a safe relative path");
            }
        }
    }

    @Test
    void whatTheRouterRefusesNeverReachesTheCatchAll() throws IOException {
        for (String escape : REFUSED_BY_ROUTER) {
            RawHttp.Answer answer = http.send("GET", "/io/files/" + escape);
            assertEquals(400, answer.status(), () -> escape + " -> " + answer.text());
        }
    }

    @Test
    void safePathsArriveAsSegments() throws IOException {
        assertEquals("docs|guide.html", http.send("GET", "/io/files/docs/guide.html").text());
        assertEquals("a b|caf\u00e9.txt", http.send("GET", "/io/files/a%20b/caf%C3%A9.txt").text());
        assertEquals(".config|x", http.send("GET", "/io/files/.config/x").text());
        assertEquals("..a|b..c", http.send("GET", "/io/files/..a/b..c").text());
        assertEquals("docs/guide.html 2", http.send("GET", "/io/paths/docs/guide.html").text());
    }

    @Test
    void theProblemNamesTheParameterAndNeverEchoesThePath() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/io/files/..%2Fetc%2Fpasswd");
        assertProblem(answer, 400, "Path parameter 'file' must be a safe relative path, but it has a '..' segment.");
        assertEquals(false, answer.text().contains("passwd"), answer::text);
    }
}
