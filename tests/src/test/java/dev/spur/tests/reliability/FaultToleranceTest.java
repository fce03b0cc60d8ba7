package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults: handlers that throw, clients that vanish mid-request or mid-response. The server must
 * answer a 500 problem with a correlation id where it still can, log the fault once, and keep
 * serving.
 */
class FaultToleranceTest {

    private static SpurServer server;
    private LogCapture logs;

    @BeforeAll
    static void start() {
        server = ReliabilityApp.start(b -> b.maxPayloadSize(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private static RawHttp.Answer get(String target) throws IOException {
        try (RawHttp http = RawHttp.local(server.port())) {
            return http.send("GET", target);
        }
    }

    private void assertStillServing() throws IOException {
        RawHttp.Answer answer = get("/items/7");
        assertEquals(200, answer.status(), answer.text());
        assertEquals("item 7", answer.text());
    }

    @Test
    void runtimeExceptionIs500WithCorrelationIdLoggedOnce() throws IOException {
        assertHandlerFailure("/fail/runtime", IllegalStateException.class);
    }

    @Test
    void errorIs500WithCorrelationId() throws IOException {
        assertHandlerFailure("/fail/error", AssertionError.class);
    }

    @Test
    void checkedExceptionIs500WithCorrelationId() throws IOException {
        assertHandlerFailure("/fail/checked", IOException.class);
    }

    @Test
    void stackOverflowIs500WithCorrelationId() throws IOException {
        assertHandlerFailure("/fail/stack", StackOverflowError.class);
    }

    private void assertHandlerFailure(String target, Class<? extends Throwable> thrown) throws IOException {
        JsonNode first = assertProblem(get(target), 500);
        JsonNode second = assertProblem(get(target), 500);
        String id = first.path("instance").asText();
        assertTrue(id.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertNotEquals(id, second.path("instance").asText(), "every failure gets its own id");
        List<LogRecord> logged = logs.records().stream()
                .filter(r -> r.getThrown() != null && thrown.isInstance(r.getThrown()))
                .toList();
        assertEquals(2, logged.size(), () -> "each failure is logged once with its exception: " + describe(logs));
        String uuid = id.substring("urn:uuid:".length());
        assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.SEVERE && format(r).contains(uuid)),
                () -> "the log names the correlation id " + uuid + ": " + describe(logs));
        assertStillServing();
    }

    @Test
    void failureAfterTheBodyStartedClosesTheConnectionAndIsLoggedOnce() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /fail/midstream HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 200), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            String tail = new String(all, Math.max(0, all.length - 7), Math.min(all.length, 7),
                    StandardCharsets.ISO_8859_1);
            assertNotEquals("\r\n0\r\n\r\n", tail, "a truncated answer must not end like a complete chunked body");
        }
        List<LogRecord> logged = logs.records().stream().filter(r -> r.getThrown() != null).toList();
        assertEquals(1, logged.size(), () -> "logged once, by Spur: " + describe(logs));
        assertEquals(Level.SEVERE, logged.getFirst().getLevel());
        assertStillServing();
    }

    @Test
    void clientVanishingMidRequestBodyLeavesTheServerServing() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[1000]);
                out.flush();
            }
        }
        assertStillServing();
        logs.assertQuiet("a client that vanished mid-request");
    }

    @Test
    void clientVanishingMidJsonBodyLeavesTheServerServing() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5000\r\n\r\n{\"name\":\"").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
        assertStillServing();
        logs.assertQuiet("a client that vanished mid-request");
    }

    @Test
    void clientVanishingMidResponseLeavesTheServerServing() throws Exception {
        for (int i = 0; i < 10; i++) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write("GET /large HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = socket.getInputStream();
                byte[] some = in.readNBytes(200_000);
                assertEquals(200_000, some.length);
                assertTrue(new String(some, 0, 12, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            }
        }
        assertStillServing();
        logs.assertQuiet("a client that vanished mid-response");
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String format(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        return message;
    }

    private static String describe(LogCapture logs) {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : logs.records()) {
            text.append("\n  ").append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(format(record)).append(record.getThrown() == null ? "" : " [" + record.getThrown() + "]");
        }
        return text.toString();
    }
}
