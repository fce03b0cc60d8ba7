package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Streamed answers over loopback: an {@code InputStream} and a {@code BodyWriter} are written as
 * they come (chunked), Server-Sent Events through Helidon's SSE support, {@code CompletionStage}
 * results awaited within the deadline, and {@code Response} built from Helidon's status and header names.
 */
class StreamedAnswersTest extends TestRouterServerTest {

    @Test
    void anInputStreamIsStreamedAsOctets() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/io/stream?size=200000");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("application/octet-stream", answer.header("Content-Type").orElse(null));
        assertEquals(200_000, answer.body().length);
        assertEquals('a', answer.body()[0]);
        assertEquals('a' + 199_999 % 26, answer.body()[199_999]);
    }

    @Test
    void aBodyWriterWritesToTheConnection() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/io/writer?lines=3");
        assertEquals(200, answer.status());
        assertEquals("chunked", answer.header("Transfer-Encoding").orElse(null));
        assertEquals("line 1\nline 2\nline 3\n", answer.text());
    }

    @Test
    void aResponseCarriesAWriterWithItsOwnTypeAndHeaders() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/io/export.csv");
        assertEquals(200, answer.status());
        assertEquals("text/csv", answer.header("Content-Type").orElse(null));
        assertEquals("no-store", answer.header("Cache-Control").orElse(null));
        assertEquals("id,name\n1,one\n", answer.text());
    }

    @Test
    void headOfAStreamedAnswerHasNoBody() throws IOException {
        RawHttp.Answer answer = http.sendRaw("HEAD /io/writer HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), true);
        assertEquals(200, answer.status());
        assertEquals(0, answer.body().length);
        assertEquals(200, http.send("GET", "/io/writer?lines=1").status());
    }

    @Test
    void aWriterThatFailsMidwayEndsTheConnectionBeforeTheBodyEnds() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /io/broken HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.contains("partial"), reply);
            assertFalse(reply.endsWith("0\r\n\r\n"), () -> "the chunked body must not look complete: " + reply);
        }
    }

    @Test
    void responseTakesHelidonsStatusAndHeaderNames() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/io/created", Map.of(), new byte[0]);
        assertEquals(201, answer.status());
        assertEquals("/io/created/1", answer.header("Location").orElse(null));
        assertEquals("made", answer.text());
    }

    @Test
    void serverSentEventsArriveAsAnEventStream() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /io/events?count=3 HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
                    .concat("Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/event-stream"), reply);
            for (int i = 1; i <= 3; i++) {
                assertTrue(reply.contains("id:" + i + "\nevent:tick\ndata:tick " + i + "\n\n"), reply);
            }
        }
    }

    @Test
    void postProcessingLayersSeeTheStatusOfAnEventStream() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (SpurServer layered = SpurServer.builder(E2e.testRouter()).host("127.0.0.1").port(0)
                .layer((Exchange exchange, dev.spur.runtime.Layer.Next next) -> {
                    next.proceed(exchange);
                    seen.add(exchange.status() + " " + exchange.responseHeaders().contentType()
                            .map(Object::toString).orElse("-"));
                }).start();
             RawHttp client = RawHttp.local(layered.port())) {
            RawHttp.Answer answer = client.send("GET", "/io/events?count=1", Map.of("Connection", "close"), null);
            assertEquals(200, answer.status());
            assertTrue(answer.text().contains("data:tick 1"), answer::text);
        }
        assertEquals(1, seen.size(), seen::toString);
        assertTrue(seen.getFirst().startsWith("200 text/event-stream"), seen::toString);
    }

    @Test
    void inMemoryAnEventStreamIs501() {
        Exchange exchange = Exchange.request("GET", "/io/events").build();
        E2e.testRouter().route(exchange);
        assertEquals(501, exchange.status(), exchange::responseText);
    }

    @Test
    void inMemoryAStreamedAnswerIsReadWhole() {
        Exchange exchange = Exchange.request("GET", "/io/writer?lines=2").build();
        E2e.testRouter().route(exchange);
        assertEquals(200, exchange.status());
        assertTrue(exchange.responseWriter().isPresent());
        assertEquals("line 1\nline 2\n", exchange.responseText());
        assertTrue(exchange.responseWriter().isEmpty(), "the writer ran once, into memory");
    }

    @Test
    void aCompletionStageIsAwaited() throws IOException {
        assertEquals("later", http.send("GET", "/io/later").text());
        RawHttp.Answer json = http.send("GET", "/io/later/json");
        assertEquals("application/json", json.header("Content-Type").orElse(null));
        assertEquals("n", E2e.json(json).get("name").asText());
        assertEquals(204, http.send("POST", "/io/later/void", Map.of(), new byte[0]).status());
    }

    @Test
    void aFailedStageIsAnsweredAsIfTheHandlerHadThrown() throws IOException {
        assertProblem(http.send("GET", "/io/later/problem"), 409, "Too late.");
    }

    @Test
    void aStageThatOutlivesTheDeadlineIs503() throws IOException {
        long start = System.nanoTime();
        RawHttp.Answer answer = http.send("GET", "/io/later/never");
        assertProblem(answer, 503, "deadline");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the wait ended with the deadline");
    }
}
