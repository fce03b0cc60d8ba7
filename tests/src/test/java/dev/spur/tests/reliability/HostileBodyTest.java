package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile request bodies: malformed or hostile JSON, wrong media types, odd charsets. */
class HostileBodyTest extends LoopbackServerTest {

    private RawHttp.Answer postJson(String body, String contentType) throws IOException {
        return contentType == null
                ? send("POST", "/items", body)
                : send("POST", "/items", body, "Content-Type", contentType);
    }

    @Test
    void validJsonIsRead() throws IOException {
        String json = "{\"name\":\"a\",\"count\":2}";
        for (String type : new String[] {"application/json", "application/json; charset=utf-8",
                "application/vnd.spur+json", null}) {
            assertEquals("a x2", postJson(json, type).text(), "Content-Type " + type);
        }
    }

    @Test
    void invalidJsonIs400() throws IOException {
        for (String body : List.of("{\"name\":", "not json", "[1,2]", "{\"name\":\"a\",\"count\":\"x\"}", "\"text\"",
                "{\"name\":\"a\",\"count\":1e999999}", "{\"name\":\"a\",\"count\":99999999999}", "{'name':'a'}")) {
            assertProblem(postJson(body, "application/json"), 400, "not valid JSON");
        }
        assertProblem(postJson("null", "application/json"), 400, "null");
        assertProblem(postJson("", "application/json"), 400, "required");
    }

    @Test
    void hostileJsonIs400NotAServerError() throws IOException {
        int room = MAX_BODY - 100;
        assertProblem(postJson("[".repeat(room), "application/json"), 400, "not valid JSON");
        assertProblem(postJson("{\"a\":".repeat(room / 5), "application/json"), 400, "not valid JSON");
        assertProblem(postJson("{\"name\":\"a\",\"count\":" + "9".repeat(room) + "}", "application/json"), 400);
        assertProblem(postJson("{\"name\":\"" + "\\u0000".repeat(room / 6) + "\",\"count\":1", "application/json"),
                400);
    }

    @Test
    void otherMediaTypesAre415() throws IOException {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonx")) {
            assertProblem(postJson("{\"name\":\"a\",\"count\":2}", type), 415, "JSON");
        }
        assertProblem(postJson("{\"name\":\"a\",\"count\":2}", "json"), 400);
    }

    @Test
    void textBodiesHonourTheirCharset() throws IOException {
        try (RawHttp http = RawHttp.local(server.port())) {
            byte[] latin = {(byte) 0xe9, (byte) 0xe8};
            assertEquals("2", http.send("POST", "/echo", Map.of("Content-Type", "text/plain; charset=ISO-8859-1"),
                    latin).text());
            // invalid UTF-8 is an error, never silently replaced by U+FFFD
            assertProblem(http.send("POST", "/echo", Map.of("Content-Type", "text/plain"), latin), 400, "UTF-8");
            assertProblem(http.send("POST", "/echo", Map.of("Content-Type", "text/plain; charset=nope"), latin),
                    415, "charset");
            assertProblem(http.send("POST", "/echo", Map.of("Content-Type", "text/plain; charset=\"a b\""), latin),
                    415, "charset");
        }
    }

    @Test
    void emptyAndChunkedBodiesAreRead() throws IOException {
        assertEquals("0", send("PUT", "/bytes", "").text());
        assertEquals("0", send("PUT", "/bytes", null).text());
        assertEquals("6", raw("PUT /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n").text());
        assertEquals("query  ", send("QUERY", "/items", " ").text());
    }
}
