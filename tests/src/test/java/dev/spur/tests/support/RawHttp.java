package dev.spur.tests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
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
    private int timeoutMillis = 10_000;
    private boolean eof;
    private final Map<String, String> always = new java.util.LinkedHashMap<>();

    /** A client for {@code host:port}; it connects lazily and reconnects after {@code Connection: close}. */
    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request on a connection of its own to {@code 127.0.0.1:port}; {@code headers} are
     * name, value, name, value, ...
     */
    public static Answer once(int port, String method, String target, String... headers) throws IOException {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        try (RawHttp http = local(port)) {
            return http.send(method, target, map, null);
        }
    }

    /** A client for {@code 127.0.0.1:port}. */
    public static RawHttp local(int port) {
        return new RawHttp("127.0.0.1", port);
    }

    /** Sends header {@code name: value} with every request of {@link #send}; returns this client. */
    public RawHttp withHeader(String name, String value) {
        always.put(name, value);
        return this;
    }

    /** Sets the read timeout of this client's sockets (10 s unless set); returns this client. */
    public RawHttp timeout(int millis) {
        this.timeoutMillis = millis;
        return this;
    }

    /**
     * Writes {@code bytes} exactly as given on the current connection (connecting first when there
     * is none), without reading anything: for pipelined, malformed or partial requests.
     */
    public void write(byte[] bytes) throws IOException {
        connect();
        out.write(bytes);
        out.flush();
    }

    /** Writes {@code text} with each character as one byte (ISO-8859-1); see {@link #write(byte[])}. */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Shuts the output side of the connection down (a half-close): the server reads end of stream. */
    public void halfClose() throws IOException {
        connect();
        socket.shutdownOutput();
    }

    /**
     * Reads the next answer on the current connection, interim (1xx) answers included, and leaves
     * the connection as it is whatever {@code Connection} says, so that {@link #isClosed()} can tell
     * whether the server closed it. Throws {@link EOFException} when the server closed (or reset)
     * the connection before a status line.
     */
    public Answer answer() throws IOException {
        if (socket == null) {
            throw new IOException("no connection: write a request first");
        }
        try {
            return read(false, false);
        } catch (StaleConnection e) {
            throw new EOFException("the server closed the connection without an answer");
        } catch (SocketException e) {
            eof = true;
            throw new EOFException("the server reset the connection without an answer: " + e.getMessage());
        }
    }

    /** Reads the next answer that is not an interim (1xx) one, such as {@code 100 Continue}. */
    public Answer finalAnswer() throws IOException {
        for (int interim = 0; interim < 10; interim++) {
            Answer answer = answer();
            if (answer.status() >= 200) {
                return answer;
            }
        }
        throw new IOException("ten interim answers and no final one");
    }

    /** Whether the server closes the connection (end of stream or reset) within 2 s, sending nothing more. */
    public boolean isClosed() throws IOException {
        return isClosed(2_000);
    }

    /**
     * Whether the server closes the connection (end of stream or reset) within {@code millis},
     * sending nothing more: false when it stays open that long or sends another byte (which is
     * kept for the next {@link #answer()}).
     */
    public boolean isClosed(int millis) throws IOException {
        if (eof) {
            return true;
        }
        if (socket == null) {
            throw new IOException("no connection: write a request first");
        }
        socket.setSoTimeout(millis);
        try {
            in.mark(1);
            int next = in.read();
            if (next < 0) {
                eof = true;
                return true;
            }
            in.reset();
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            eof = true;
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(timeoutMillis);
            }
        }
    }

    /**
     * Reads every byte the server sends until it closes the connection, or fails when it keeps the
     * connection open for longer than {@code millis}: for answers that are not HTTP/1.x, such as
     * HTTP/2 frames.
     */
    public byte[] readUntilClosed(int millis) throws IOException {
        if (socket == null) {
            throw new IOException("no connection: write a request first");
        }
        socket.setSoTimeout(millis);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the connection was still open after " + millis + " ms; received "
                    + received.size() + " bytes", e);
        } catch (SocketException reset) {
            // a reset after the server's last bytes is a close too
        }
        eof = true;
        return received.toByteArray();
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
        always.forEach((name, value) -> {
            if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
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
        return read(head, true);
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
        return read(head, true);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            eof = false;
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
    }

    private Answer read(boolean head, boolean closeWhenAsked) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            eof = true;
            if (closeWhenAsked) {
                close();
            }
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
        } else if (status < 200) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            eof = true;
            if (closeWhenAsked) {
                close();
            }
        }
        List<String> connection = headers.get("connection");
        if (closeWhenAsked && connection != null && connection.getFirst().equalsIgnoreCase("close")) {
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
