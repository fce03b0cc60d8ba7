package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static dev.spur.tests.e2e.E2e.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of handler result becomes the right status, headers and body. */
class ResultsTest extends TestRouterServerTest {

    @Test
    void voidIs204WithNoBody() throws IOException {
        RawHttp.Answer answer = http.send("DELETE", "/result/void");
        assertEquals(204, answer.status());
        assertEquals(0, answer.body().length);
        assertTrue(answer.header("Content-Type").isEmpty(), answer.headers()::toString);
        assertEquals(200, http.send("GET", "/result/text").status(), "the connection is still usable");
    }

    @Test
    void aStringIsUtf8PlainText() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/text");
        assertEquals(200, answer.status());
        assertEquals("text/plain; charset=UTF-8", answer.header("Content-Type").orElseThrow());
        assertEquals("plain text \u2713", answer.text());
        assertEquals(String.valueOf(answer.body().length), answer.header("Content-Length").orElseThrow());
    }

    @Test
    void aNullStringIs204() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/null-text");
        assertEquals(204, answer.status());
        assertEquals(0, answer.body().length);
    }

    @Test
    void bytesAreAnOctetStream() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/bytes");
        assertEquals(200, answer.status());
        assertEquals("application/octet-stream", answer.header("Content-Type").orElseThrow());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, answer.body());
    }

    @Test
    void aRecordIsJson() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/json");
        assertEquals(200, answer.status());
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        assertEquals(E2e.JSON.readTree("{\"id\":7,\"name\":\"seven\"}"), json(answer));
    }

    @Test
    void aListIsJson() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/list");
        assertEquals(200, answer.status());
        assertEquals(E2e.JSON.readTree("[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"}]"), json(answer));
    }

    @Test
    void aPresentOptionalIsJson() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/optional/7");
        assertEquals(200, answer.status());
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        assertEquals("seven", json(answer).get("name").asText());
    }

    @Test
    void anEmptyOptionalIs404() throws IOException {
        assertProblem(http.send("GET", "/result/optional/8"), 404, "does not exist");
    }

    @Test
    void aResponseCarriesItsStatusHeadersAndJsonBody() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/result/response");
        assertEquals(201, answer.status());
        assertEquals("/result/things/8", answer.header("Location").orElseThrow());
        assertEquals(List.of("a", "b"), multiValues(answer, "x-multi"));
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        JsonNode thing = json(answer);
        assertEquals(8, thing.get("id").asInt());
        assertEquals("eight", thing.get("name").asText());
    }

    @Test
    void aResponseKeepsItsOwnContentType() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/response/text");
        assertEquals(203, answer.status());
        assertEquals(List.of("text/markdown; charset=UTF-8"), answer.headers().get("content-type"));
        assertEquals("# Title", answer.text());
    }

    @Test
    void aResponseWithoutBody() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/response/empty");
        assertEquals(202, answer.status());
        assertEquals("5", answer.header("Retry-After").orElseThrow());
        assertEquals(0, answer.body().length);
    }

    @Test
    void aResponseWithBytes() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/response/bytes");
        assertEquals(200, answer.status());
        assertEquals("application/octet-stream", answer.header("Content-Type").orElseThrow());
        assertArrayEquals(new byte[] {9, 8, 7}, answer.body());
    }

    @Test
    void aHandlerMayWriteTheResponseItself() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/result/exchange");
        assertEquals(202, answer.status(), "not replaced by the 204 of a void handler");
        assertEquals("GET", answer.header("X-Seen-Method").orElseThrow());
        assertEquals("written by the handler", answer.text());
    }

    /** A header's values, whether sent as separate lines or as one comma-separated line. */
    private static List<String> multiValues(RawHttp.Answer answer, String name) {
        return answer.headers().getOrDefault(name, List.of()).stream()
                .flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .map(String::strip)
                .toList();
    }
}
