package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Requests Helidon refuses before any route sees them (limits, framing, protocol): each is an
 * exact status with a problem+json body, through Spur's direct handlers, and bodies over the limit
 * are refused without being read.
 */
class HostileTransportTest extends LoopbackServerTest {

    @Test
    void requestLineOverTheLimitIs414() throws IOException {
        assertProblem(get("/seg/" + "a".repeat(MAX_LINE)), 414);
        assertProblem(get("/seg/" + "a".repeat(MAX_LINE - 100) + "?q=" + "b".repeat(200)), 414);
        assertEquals(200, get("/seg/" + "a".repeat(MAX_LINE - 100)).status());
    }

    @Test
    void headersOverTheLimitAre431() throws IOException {
        assertProblem(get("/items", "X-Big", "b".repeat(MAX_HEADERS)), 431);
        String[] many = new String[2 * 100];
        for (int i = 0; i < 100; i++) {
            many[2 * i] = "X-H" + i;
            many[2 * i + 1] = "0123456789012345678901234567890123456789";
        }
        assertProblem(get("/items", many), 431);
        assertProblem(raw("GET /items HTTP/1.1\r\nHost: x\r\n" + "N".repeat(MAX_HEADERS) + ": v\r\n\r\n"), 431);
        assertEquals(200, get("/items", "X-Big", "b".repeat(MAX_HEADERS - 200)).status());
    }

    @Test
    void defaultLimitsAre8KiBForTheRequestLineAnd16KiBForHeaders() throws IOException {
        Router router = ReliabilityApp.router();
        try (SpurServer defaults = SpurServer.builder(router).host("127.0.0.1").port(0).start();
             RawHttp http = RawHttp.local(defaults.port())) {
            assertEquals(200, http.send("GET", "/seg/" + "a".repeat(8000)).status());
            assertProblem(http.send("GET", "/seg/" + "a".repeat(8200)), 414);
            assertEquals(200, http.send("GET", "/items", Map.of("X-Big", "b".repeat(16_000)), null).status());
            assertProblem(http.send("GET", "/items", Map.of("X-Big", "b".repeat(16_400)), null), 431);
        }
    }

    @Test
    void requestsOverTheConcurrencyLimitAre503() throws Exception {
        try (SpurServer limited = ReliabilityApp.start(b -> b.maxConcurrentRequests(1))) {
            InFlight.reset();
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
                try (RawHttp http = RawHttp.local(limited.port())) {
                    return http.send("GET", "/slow?ms=1000").status();
                } catch (IOException e) {
                    return -1;
                }
            });
            assertTrue(InFlight.awaitStarted(5_000), "the slow handler never started");
            try (RawHttp http = RawHttp.local(limited.port())) {
                assertProblem(http.send("GET", "/items"), 503, "too many requests");
            }
            assertEquals(200, slow.get(10, TimeUnit.SECONDS));
            // Helidon releases the slow request's permit just after its answer is written, so the
            // client can see that answer a moment before the permit is back: allow that moment.
            int status = 0;
            for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
                try (RawHttp http = RawHttp.local(limited.port())) {
                    status = http.send("GET", "/items").status();
                }
                if (status != 200) {
                    Thread.sleep(20);
                }
            }
            assertEquals(200, status, "the server serves again once the slow request is done");
        }
    }

    @Test
    void namedListenersGetTheSameLimitsAndProblems() throws IOException {
        try (SpurServer twoPorts = ReliabilityApp.start(b -> b.listener("admin", 0).maxRequestLineLength(MAX_LINE)
                .maxHeaderSize(MAX_HEADERS).maxPayloadSize(MAX_BODY));
             RawHttp admin = RawHttp.local(twoPorts.port("admin"))) {
            assertEquals("item 1", admin.send("GET", "/items/1").text());
            assertProblem(admin.send("GET", "/seg/" + "a".repeat(MAX_LINE)), 414);
            assertProblem(admin.send("GET", "/items", Map.of("X-Big", "b".repeat(MAX_HEADERS)), null), 431);
            assertProblem(admin.send("PUT", "/bytes", Map.of("Content-Length", "100000"), null), 413);
            assertProblem(admin.send("GET", "/items/%zz"), 400);
        }
    }

    @Test
    void builderRefusesLimitsThatMakeNoSense() {
        SpurServer.Builder builder = SpurServer.builder(ReliabilityApp.router());
        assertThrows(IllegalArgumentException.class, () -> builder.maxRequestLineLength(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxHeaderSize(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxPayloadSize(-2));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConcurrentRequests(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConnections(-5));
    }

    @Test
    void bodyDeclaredOverTheLimitIs413BeforeAnyOfItIsSent() throws IOException {
        // Nothing of the 1 GiB body is sent: the answer must come from the Content-Length alone.
        assertProblem(raw("PUT /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n"), 413);
        assertProblem(raw("POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (MAX_BODY + 1) + "\r\n\r\n"), 413);
        assertProblem(raw("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                + "Content-Length: 1048576\r\n\r\n"), 413);
    }

    @Test
    void chunkedBodyOverTheLimitIs413WhileItIsStillBeingSent() throws Exception {
        // far more than loopback socket buffers absorb, so a server that stops reading stops the writer
        long budget = 1024L * MAX_BODY;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            AtomicLong sent = new AtomicLong();
            OutputStream out = socket.getOutputStream();
            out.write("PUT /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("2000\r\n" + "c".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                while (sent.get() < budget && !answer.isDone()) {
                    out.write(chunk);
                    sent.addAndGet(0x2000);
                }
            } catch (IOException closedByServer) {
                // expected: the server stops reading once the limit is passed
            }
            String text = answer.get(10, TimeUnit.SECONDS);
            assertTrue(text.startsWith("HTTP/1.1 413 "), text);
            assertTrue(text.contains("application/problem+json"), text);
            assertTrue(sent.get() < budget, "the server read the whole " + sent + " bytes before answering");
        }
        // A known race in Helidon 4.5 (SECURITY.md, "Known gaps"): when the client is still writing
        // as the connection closes after the 413, its HTTP/1 connection handler may log one WARNING
        // "Internal server error" for the RequestException of the unread rest. Spur cannot reach it.
        logs.forget(r -> r.getLoggerName().equals("io.helidon.webserver.http1.Http1Connection")
                && r.getThrown() instanceof io.helidon.http.RequestException);
    }

    @Test
    void bodyAtTheLimitIsAccepted() throws IOException {
        assertEquals(Integer.toString(MAX_BODY), send("PUT", "/bytes", "x".repeat(MAX_BODY)).text());
    }

    @Test
    void malformedFramingIs400() throws IOException {
        for (String framing : List.of("Content-Length: abc\r\n", "Content-Length: -5\r\n",
                "Content-Length: 1\r\nContent-Length: 2\r\n", "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding: gzip\r\n", "Transfer-Encoding: gzip, chunked\r\n",
                "Transfer-Encoding: chunked, chunked\r\n", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")) {
            assertProblem(raw("POST /echo HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n"), 400);
        }
        assertProblem(raw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                400);
        assertProblem(raw("POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400);
        // "abc" after the bad size is valid hex: a reader that drained the body would wait for it.
        assertProblem(raw("PUT /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n"), 400);
        assertEquals("3", raw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n").text());
    }

    @Test
    void malformedHeadersAre400() throws IOException {
        for (String head : List.of("GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n",
                "GET /items?a=b c HTTP/1.1\r\nHost: x\r\n\r\n", "GET  HTTP/1.1\r\nHost: x\r\n\r\n")) {
            assertProblem(raw(head), 400);
        }
    }

    @Test
    void invalidMethodTokensAndLowerCaseMethodsAre400() throws IOException {
        // The framing guard checks the method token before Helidon's parser sees it; methods are
        // case-sensitive (RFC 9110 9.1), so a lower-case one is a method no route implements.
        for (String method : List.of("G{T", "G@T", "G\u0080T", "G T")) {
            assertProblem(raw(method + " /items HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        }
        assertProblem(raw("get /items HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        assertProblem(raw("Delete /items/1 HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        assertEquals(200, get("/items").status());
        assertTrue(logs.records().isEmpty(), logs.records().toString());
    }

    @Test
    void whatIsNotHttp11IsRefusedWithAProblemAndTheConnectionClosed() throws IOException {
        // Other versions are a 505; a bare-LF request, a space before the line end and garbage are a
        // 400. Each is answered before Helidon sees it, and the connection closes.
        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505);
        // "PRI * HTTP/2.0" with anything but the exact preface after it is not HTTP/2 either
        refused.put("PRI * HTTP/2.0\r\nHost: x\r\n\r\n", 505);
        refused.put("GET / HTTP/3\r\nHost: x\r\n\r\n", 505);
        refused.put("GET / HTTP/1.1.1\r\nHost: x\r\n\r\n", 400);
        refused.put("GET / HTTP/1.1 \r\nHost: x\r\n\r\n", 400);
        refused.put("GET / HTTP/1.1\nHost: x\n\n", 400);
        refused.put("\u0001\u0002\u0003 hello\r\n\r\n", 400);
        for (Map.Entry<String, Integer> request : refused.entrySet()) {
            RawHttp.Answer answer = raw(request.getKey());
            assertProblem(answer, request.getValue());
            assertEquals("close", answer.header("Connection").orElse(null), request.getKey());
        }
        assertEquals(200, get("/items").status());
    }

    @Test
    void aHigherHttp1MinorVersionIsServedAsHttp11() throws IOException {
        RawHttp.Answer answer = raw("GET /items HTTP/1.2\r\nHost: x\r\n\r\n");
        assertEquals(200, answer.status());
        assertEquals(get("/items").text(), answer.text());
    }

    @Test
    void http10RequestsAreAnsweredAndTheirConnectionClosed() throws IOException {
        // An HTTP/1.1 server answers HTTP/1.0 (RFC 9110 2.5); without Host, the listener's own
        // address is the host. HTTP/1.0 has no keep-alive here: the connection closes after it.
        for (String request : List.of("GET /items HTTP/1.0\r\n\r\n", "GET /items HTTP/1.0\r\nHost: x\r\n\r\n")) {
            RawHttp.Answer answer = raw(request);
            assertEquals(200, answer.status(), request);
            assertEquals(get("/items").text(), answer.text());
            assertEquals("close", answer.header("Connection").orElse(null));
        }
    }
}
