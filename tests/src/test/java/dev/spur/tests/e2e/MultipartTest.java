package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.tests.support.RawHttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Body Multipart} over loopback: parts streamed in order (a file larger than any buffer
 * arrives whole), limits as 413 problems, a body that is not multipart a 415, broken multipart
 * syntax a 400.
 */
class MultipartTest extends TestRouterServerTest {

    private static final String BOUNDARY = "----spur-Boundary7MA4YWxk";

    private static Map<String, String> multipart() {
        return Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** A multipart/form-data body of {@code fields} (name, value) and one file. */
    private static byte[] body(byte[] file, String... fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] file(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            // includes CR, LF and '-' so that the content looks like delimiters without being one
            bytes[i] = (byte) "\r\n--abc-\r\n-".charAt(i % 11);
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void fieldsAndAFileArriveInOrderAndWhole() throws Exception {
        byte[] file = file(300_000);
        RawHttp.Answer answer = http.send("POST", "/io/uploads", multipart(), body(file, "title", "Hello", "tags", "a,b"));
        assertEquals(200, answer.status(), answer::text);
        JsonNode parts = E2e.json(answer);
        assertEquals(3, parts.size(), answer::text);
        assertEquals("title", parts.get(0).get("name").asText());
        assertEquals(5, parts.get(0).get("size").asLong());
        assertEquals("text/plain", parts.get(0).get("contentType").asText());
        assertEquals("tags", parts.get(1).get("name").asText());
        assertEquals("file", parts.get(2).get("name").asText());
        assertEquals("data.bin", parts.get(2).get("fileName").asText());
        assertEquals(file.length, parts.get(2).get("size").asLong());
        assertEquals(sha256(file), parts.get(2).get("sha256").asText());
    }

    @Test
    void aPreambleAndAnEpilogueAreIgnored() throws Exception {
        byte[] inner = body(null, "a", "1");
        byte[] wrapped = ("This is the preamble.\r\n" + new String(inner, StandardCharsets.UTF_8) + "epilogue\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = http.send("POST", "/io/uploads/small", multipart(), wrapped);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("a=1;", answer.text());
    }

    @Test
    void aChunkedUploadIsStreamedToo() throws Exception {
        byte[] file = file(200_000);
        byte[] body = body(file);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /io/uploads HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 7000) {
                int n = Math.min(7000, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.contains(sha256(file)), reply);
        }
    }

    @Test
    void aPartOverItsLimitIs413() throws Exception {
        RawHttp.Answer answer = http.send("POST", "/io/uploads/small", multipart(), body(null, "a", "x".repeat(17)));
        assertProblem(answer, 413, "Part 'a' is larger than 16 bytes.");
    }

    @Test
    void morePartsThanAllowedIs413() throws Exception {
        RawHttp.Answer answer = http.send("POST", "/io/uploads/small", multipart(), body(null, "a", "1", "b", "2", "c", "3"));
        assertProblem(answer, 413, "more than 2 parts");
    }

    @Test
    void aBodyOverTheMultipartLimitIs413() throws Exception {
        RawHttp.Answer answer = http.send("POST", "/io/uploads/small", multipart(),
                ("x".repeat(5000) + new String(body(null, "a", "1"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 413, "larger than 4096 bytes");
    }

    @Test
    void aBodyThatIsNotMultipartIs415() throws Exception {
        RawHttp.Answer json = http.send("POST", "/io/uploads", E2e.jsonType(), E2e.utf8("{}"));
        assertProblem(json, 415, "must be multipart");
        RawHttp.Answer none = http.send("POST", "/io/uploads", Map.of(), E2e.utf8("a"));
        assertProblem(none, 415, "must be multipart");
    }

    @Test
    void aMissingOrMalformedBoundaryIs400() throws Exception {
        assertProblem(http.send("POST", "/io/uploads", Map.of("Content-Type", "multipart/form-data"), E2e.utf8("x")),
                400, "boundary");
        assertProblem(http.send("POST", "/io/uploads", Map.of("Content-Type", "multipart/form-data; boundary=\""
                + "b".repeat(71) + "\""), E2e.utf8("x")), 400, "boundary");
    }

    @Test
    void brokenMultipartSyntaxIs400() throws Exception {
        String open = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("no boundary at all", "just some text");
        cases.put("no closing boundary", open + "value");
        cases.put("boundary not followed by CRLF", "--" + BOUNDARY + "junk\r\n\r\n--" + BOUNDARY + "--");
        cases.put("header without colon", "--" + BOUNDARY + "\r\nBroken header\r\n\r\nv\r\n--" + BOUNDARY + "--");
        cases.put("headers never end", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n");
        cases.put("bare LF in headers", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\n\r\nv\r\n--"
                + BOUNDARY + "--");
        cases.put("form-data part without a name", "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nv\r\n--"
                + BOUNDARY + "--");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp.Answer answer = http.send("POST", "/io/uploads", multipart(), E2e.utf8(c.getValue()));
            assertEquals(400, answer.status(), () -> c.getKey() + ": " + answer.text());
            assertEquals("application/problem+json", answer.header("Content-Type").orElse(null), c.getKey());
        }
    }

    @Test
    void invalidUtf8InAPartReadAsTextIs400() throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head);
        body.write(new byte[] {(byte) 0xc0, (byte) 0xae});
        body.write(tail);
        assertProblem(http.send("POST", "/io/uploads/small", multipart(), body.toByteArray()), 400, "not valid UTF-8");
    }

    @Test
    void partsLeftUnreadAreSkippedAndTheConnectionStaysUsable() throws Exception {
        RawHttp.Answer answer = http.send("POST", "/io/uploads/first", multipart(), body(file(1000), "first", "1"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("first", answer.text());
        assertEquals(200, http.send("GET", "/io/files/a").status());
    }

    @Test
    void aRawBodyIsStreamedToAnInputStream() throws Exception {
        RawHttp.Answer answer = http.send("POST", "/io/raw", Map.of("Content-Type", "application/octet-stream"),
                file(123_456));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("123456", answer.text());
        assertEquals("0", http.send("POST", "/io/raw", Map.of(), new byte[0]).text());
    }
}
