package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.json;
import static dev.spur.tests.e2e.E2e.jsonType;
import static dev.spur.tests.e2e.E2e.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @Body} as text, bytes and JSON, and the 400/415 answers to bodies that cannot be read. */
class BodiesTest extends TestRouterServerTest {

    @Test
    void aTextBodyIsReadAsUtf8() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/text",
                Map.of("Content-Type", "text/plain; charset=UTF-8"), utf8("h\u00e9llo \u2603"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("7:h\u00e9llo \u2603", answer.text());
    }

    @Test
    void aTextBodyIsDecodedWithItsCharset() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/text",
                Map.of("Content-Type", "text/plain; charset=ISO-8859-1"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertEquals(200, answer.status(), answer::text);
        assertEquals("4:caf\u00e9", answer.text());
    }

    @Test
    void anAbsentTextBodyIsEmpty() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/text");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("0:", answer.text());
    }

    @Test
    void aByteBodyArrivesUnchanged() throws IOException {
        byte[] sent = new byte[256];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) i;
        }
        RawHttp.Answer answer = http.send("POST", "/body/bytes",
                Map.of("Content-Type", "application/octet-stream"), sent);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("application/octet-stream", answer.header("Content-Type").orElseThrow());
        byte[] expected = new byte[256];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (255 - i);
        }
        assertArrayEquals(expected, answer.body());
    }

    @Test
    void aJsonBodyWithoutContentTypeIsReadAsJson() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/json", Map.of(),
                utf8("{\"name\":\"pin\",\"quantity\":4,\"labels\":[]}"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals(8, json(answer).get("quantity").asInt());
    }

    @Test
    void aJsonBodyIsReadIntoARecord() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/json", jsonType(),
                utf8("{\"name\":\"bolt\",\"quantity\":21,\"labels\":[\"m4\",\"steel\"]}"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        JsonNode item = json(answer);
        assertEquals("BOLT", item.get("name").asText());
        assertEquals(42, item.get("quantity").asInt());
        assertEquals(List.of("m4", "steel"), E2e.JSON.convertValue(item.get("labels"), List.class));
    }

    @Test
    void aJsonMediaTypeWithACharsetIsAccepted() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/json", Map.of("Content-Type", "application/json; charset=UTF-8"),
                utf8("{\"name\":\"nut\",\"quantity\":1,\"labels\":[]}"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("NUT", json(answer).get("name").asText());
    }

    @Test
    void aGenericJsonBodyIsRead() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/body/list", jsonType(),
                utf8("[{\"name\":\"a\",\"quantity\":2,\"labels\":[]},{\"name\":\"b\",\"quantity\":5,\"labels\":[]}]"));
        assertEquals(200, answer.status(), answer::text);
        JsonNode summary = json(answer);
        assertEquals(2, summary.get("count").asInt());
        assertEquals(7, summary.get("totalQuantity").asInt());
    }

    @Test
    void aBodyBindsBesidePathAndQueryParameters() throws IOException {
        RawHttp.Answer answer = http.send("PUT", "/body/items/12?suffix=-x", jsonType(),
                utf8("{\"name\":\"washer\",\"quantity\":3,\"labels\":[\"zinc\"]}"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("12:washer-x", json(answer).get("name").asText());
    }

    @Test
    void aJsonBodySentAsTextIs415() throws IOException {
        assertExactProblem(http.send("POST", "/body/json", Map.of("Content-Type", "text/plain"),
                        utf8("{\"name\":\"bolt\",\"quantity\":1,\"labels\":[]}")), 415,
                "The request body must be JSON (Content-Type: application/json or application/*+json).");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\":                          | The request body is not valid JSON: it ends early at line 1, column 9.",
            "not json                           | The request body is not valid JSON: malformed at line 1, column 1.",
            "{\"name\":\"a\",\"quantity\":\"many\"} | The request body is not valid JSON for this route: field 'quantity' must be an integer from -2147483648 to 2147483647.",
            "[1,2]                              | The request body is not valid JSON for this route: the body must be an object.",
    })
    void anInvalidJsonBodyIs400SayingWhere(String body, String detail) throws IOException {
        assertExactProblem(http.send("POST", "/body/json", jsonType(), utf8(body)), 400, detail);
    }

    @Test
    void aJsonNullBodyIs400() throws IOException {
        assertExactProblem(http.send("POST", "/body/json", jsonType(), utf8("null")), 400,
                "The request body must not be JSON null.");
    }

    @Test
    void aMissingJsonBodyIs400() throws IOException {
        assertExactProblem(http.send("POST", "/body/json", jsonType(), null), 400,
                "A JSON request body is required.");
    }

    @Test
    void aBodyOverTheServersLimitIs413() throws IOException {
        try (SpurServer small = SpurServer.builder(E2e.testRouter()).host("127.0.0.1").port(0)
                .maxPayloadSize(16).start();
             RawHttp client = RawHttp.local(small.port())) {
            RawHttp.Answer answer = client.send("POST", "/body/text", Map.of("Content-Type", "text/plain"),
                    utf8("x".repeat(100)));
            assertEquals(413, answer.status(), answer::text);
        }
    }
}
