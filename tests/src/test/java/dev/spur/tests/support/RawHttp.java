package dev.spur.tests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket that sends the request target exactly as
 * given (no URI parsing, no normalisation), so tests can send paths such as {@code /%zz} or
 * {@code /a/../b} that {@code java.net.URI} would refuse or rewrite.
 */
public final class RawHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A client for {@code host:port}; it connects lazily and reconnects after {@code Connection: close}. */
    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A client for {@code 127.0.0.1:port}. */
    public static RawHttp local(int port) {
        return new RawHttp("127.0.0.1", port);
    }

    /** An answer: status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends a request with no body. */
    public Answer send(String method, String target) throws IOException {
        return send(method, target, Map.of(), null);
    }

    /** Sends a request; {@code headers} may include {@code Host}, else {@code host:port} is sent. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = headers.keySet().stream().anyMatch("host"::equalsIgnoreCase);
        if (!hasHost) {
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        try {
            return exchange(request, body, method.equals("HEAD"));
        } catch (StaleConnection e) {
            if (!reused) {
                throw new IOException("connection closed before an answer", e);
            }
            return exchange(request, body, method.equals("HEAD"));
        }
    }

    /**
     * Sends {@code request} byte for byte (request line, headers, blank line and any body, exactly
     * as given) on a fresh connection and reads one answer; for requests no {@code String} target
     * can express, or a head with no body after it.
     */
    public Answer sendRaw(byte[] request, boolean head) throws IOException {
        close();
        connect();
        out.write(request);
        out.flush();
        return read(head);
    }

    /** A kept-alive connection the server had closed: the request may be sent again on a new one. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private Answer exchange(byte[] request, byte[] body, boolean head) throws IOException {
        connect();
        try {
            out.write(request);
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            close();
            throw new StaleConnection(e);
        }
        return read(head);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
    }

    private Answer read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            close();
            throw new StaleConnection(null);
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.getFirst()));
        } else {
            body = in.readAllBytes();
            close();
        }
        List<String> connection = headers.get("connection");
        if (connection != null && connection.getFirst().equalsIgnoreCase("close")) {
            close();
        }
        return new Answer(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not needed by the tests
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed anyway
            }
            socket = null;
        }
    }
}
