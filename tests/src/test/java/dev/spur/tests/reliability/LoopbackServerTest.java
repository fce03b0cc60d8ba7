package dev.spur.tests.reliability;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test against one {@link ReliabilityApp} server with small limits (request line 2 KiB, header
 * block 4 KiB, body 64 KiB), in which every test must leave the log free of stack traces and
 * warnings: hostile input is the client's fault, never the server's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoopbackServerTest {

    static final int MAX_LINE = 2048;
    static final int MAX_HEADERS = 4096;
    static final int MAX_BODY = 64 * 1024;

    SpurServer server;
    LogCapture logs;

    @BeforeAll
    void startServer() {
        server = ReliabilityApp.start(b -> b.maxRequestLineLength(MAX_LINE).maxHeaderSize(MAX_HEADERS)
                .maxPayloadSize(MAX_BODY));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void assertNothingLogged(org.junit.jupiter.api.TestInfo test) {
        try {
            logs.assertQuiet(test.getDisplayName());
        } finally {
            logs.close();
        }
    }

    /** Sends a request on a fresh connection; {@code headers} alternate names and values. */
    RawHttp.Answer send(String method, String target, String body, String... headers) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        try (RawHttp http = RawHttp.local(server.port())) {
            return http.send(method, target, map, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    RawHttp.Answer get(String target, String... headers) throws IOException {
        return send("GET", target, null, headers);
    }

    /** Sends {@code request} byte for byte (ISO-8859-1 characters as bytes) on a fresh connection. */
    RawHttp.Answer raw(String request) throws IOException {
        try (RawHttp http = RawHttp.local(server.port())) {
            return http.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1), request.startsWith("HEAD "));
        }
    }
}
