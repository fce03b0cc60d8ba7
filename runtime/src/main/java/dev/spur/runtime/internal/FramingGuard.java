package dev.spur.runtime.internal;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.CloseConnectionException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A strict HTTP/1.1 message reader between one connection's socket and Helidon's HTTP/1 parser:
 * Helidon reads the bytes this supplier hands it, and this supplier hands it only well-framed
 * messages, one section (a head, a piece of body) at a time.
 *
 * <p>It reads each request head whole, checks it against RFC 9112 (request line, version, target,
 * header names and values, exactly one framing), and either passes it on, rewrites it to the form
 * Helidon understands (an absolute-form target, an HTTP/1.0 request), or answers it itself with a
 * problem and closes the connection. Bodies pass through exactly as framed: a {@code
 * Content-Length} body byte for byte, a chunked body re-encoded canonically after a strict parse
 * (extensions ignored, trailers read and dropped). After a framing error, a body over the limit,
 * or a message that ends the connection ({@code Connection: close}, HTTP/1.0), nothing more is ever
 * handed to Helidon: the next read closes the connection. So no byte of one request can be parsed
 * as another.
 *
 * <p>Errors found in a head are answered here, before Helidon has seen any of that request, which
 * is safe because Helidon reads a head only after it has answered the request before it. Errors in
 * a body surface as a {@link RequestException} from the read, where the {@link Dispatcher} answers
 * them and closes the connection.
 */
final class FramingGuard implements Supplier<byte[]> {

    private static final Logger LOG = Logger.getLogger(FramingGuard.class.getName());
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int MAX_CHUNK_LINE = 4096;
    private static final int MAX_EMPTY_LINES = 8;

    /** The characters of a token (RFC 9110 5.6.2), by ASCII code. */
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private enum State { HEAD, LENGTH, CHUNK_LINE, CHUNK_DATA, CHUNK_END, CLOSING }

    private final DataReader source;
    private final DataWriter writer;
    private final int maxRequestLine;
    private final int maxHeaders;
    private final long maxPayload;
    private final String defaultHost;

    /** Bytes read from the socket and not yet processed. */
    private byte[] pending = new byte[0];
    private int pendingStart;

    private State state = State.HEAD;
    private long remaining;
    private long bodyTotal;
    private boolean closeAfterMessage;

    FramingGuard(DataReader source, DataWriter writer, int maxRequestLine, int maxHeaders, long maxPayload,
                 String defaultHost) {
        this.source = source;
        this.writer = writer;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders;
        this.maxPayload = maxPayload;
        this.defaultHost = defaultHost;
    }

    @Override
    public byte[] get() {
        return switch (state) {
            case HEAD -> head();
            case LENGTH -> lengthBody();
            case CHUNK_LINE -> chunkLine();
            case CHUNK_DATA -> chunkData();
            case CHUNK_END -> chunkEnd();
            case CLOSING -> throw new CloseConnectionException("The connection ends after the previous message");
        };
    }

    // ---------------------------------------------------------------- heads

    private byte[] head() {
        int emptyLines = 0;
        while (true) {
            // RFC 9112 2.2: ignore empty lines before a request line
            if (available() >= 2 && pending[pendingStart] == CR && pending[pendingStart + 1] == LF) {
                if (++emptyLines > MAX_EMPTY_LINES) {
                    return reject(400, "The request has too many empty lines before its request line.");
                }
                pendingStart += 2;
                continue;
            }
            if (available() >= 1 && pending[pendingStart] == LF) {
                return reject(400, "Lines of an HTTP/1.1 request end with CRLF, not a bare LF.");
            }
            int end = indexOf(pending, pendingStart, "\r\n\r\n");
            if (hasBareCrOrLf(pending, pendingStart, end < 0 ? pending.length : end + 4)) {
                return reject(400, "Lines of an HTTP/1.1 request end with CRLF, not a bare CR or LF.");
            }
            if (end >= 0) {
                byte[] raw = Arrays.copyOfRange(pending, pendingStart, end + 4);
                pendingStart = end + 4;
                return parseHead(raw);
            }
            int firstLf = indexOf(pending, pendingStart, "\n");
            int lineLength = firstLf < 0 ? available() : firstLf - pendingStart;
            if (lineLength > maxRequestLine) {
                return reject(414, null);
            }
            if (firstLf >= 0 && available() - lineLength > maxHeaders + 4) {
                return reject(431, null);
            }
            if (!pull()) {
                if (available() == 0 && emptyLines == 0) {
                    throw new CloseConnectionException("The client closed the connection between requests");
                }
                return reject(400, "The request ended before its header section was complete.");
            }
        }
    }

    private byte[] parseHead(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        String requestLine = text.substring(0, lineEnd);
        if (requestLine.length() > maxRequestLine) {
            return reject(414, null);
        }
        if (raw.length - lineEnd > maxHeaders + 4) {
            return reject(431, null);
        }
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace || requestLine.indexOf(' ', firstSpace + 1) != lastSpace) {
            return reject(400, "The request line is not 'method target version' separated by single spaces.");
        }
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, lastSpace);
        String version = requestLine.substring(lastSpace + 1);
        if (!isToken(method)) {
            return reject(400, "The request method is not a valid token.");
        }
        boolean http10;
        boolean rewriteVersion = false;
        if (version.equals("HTTP/1.1")) {
            http10 = false;
        } else if (version.equals("HTTP/1.0")) {
            http10 = true;
        } else if (version.matches("HTTP/1\\.[2-9]")) {
            // RFC 9110 6.2: a higher minor version of a major version we implement is read as ours
            http10 = false;
            rewriteVersion = true;
        } else if (version.matches("HTTP/[0-9](\\.[0-9])?")) {
            return reject(505, null);
        } else {
            return reject(400, "The request line does not end with a valid HTTP version.");
        }
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            return reject(400, "Methods are case-sensitive: this server knows no method with lower-case letters.");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return reject(400, "The request target contains a character that must be percent-encoded.");
            }
            if (c == '#') {
                return reject(400, "The request target contains a fragment ('#'), which is never sent in a request.");
            }
        }

        // header fields
        List<String[]> fields = new ArrayList<>();
        int position = lineEnd + 2;
        while (position < text.length() - 2) {
            int end = text.indexOf("\r\n", position);
            String line = text.substring(position, end);
            position = end + 2;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                return reject(400, "Header fields folded over several lines (obs-fold) are not accepted.");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return reject(400, colon == 0 ? "A header field has an empty name." : "A header line has no ':'.");
            }
            String name = line.substring(0, colon);
            if (!isToken(name)) {
                return reject(400, "A header field name is not a valid token (no whitespace before ':').");
            }
            String value = ows(line.substring(colon + 1));
            if (hasControl(value)) {
                return reject(400, "A header field value contains a control character.");
            }
            fields.add(new String[] {name, value});
        }

        // the target's form (RFC 9112 3.2)
        String authority = null;
        if (target.startsWith("/")) {
            // origin-form
        } else if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                return reject(400, "The asterisk-form target '*' is only for OPTIONS.");
            }
        } else {
            int schemeEnd = target.indexOf("://");
            String scheme = schemeEnd < 0 ? "" : target.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return reject(400, "The request target is neither a path nor an http(s) URI.");
            }
            int pathStart = schemeEnd + 3;
            int authorityEnd = pathStart;
            while (authorityEnd < target.length() && "/?".indexOf(target.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            authority = target.substring(pathStart, authorityEnd);
            if (authority.isEmpty() || authority.indexOf('@') >= 0) {
                return reject(400, "An absolute-form target needs a host and no user information.");
            }
            String rest = target.substring(authorityEnd);
            target = rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest;
        }

        // framing (RFC 9112 6)
        List<String> contentLengths = new ArrayList<>();
        List<String> transferCodings = new ArrayList<>();
        boolean hasHost = false;
        boolean close = http10;
        for (String[] field : fields) {
            String name = field[0];
            if (name.equalsIgnoreCase("content-length")) {
                contentLengths.add(field[1]);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                for (String coding : field[1].split(",", -1)) {
                    transferCodings.add(ows(coding).toLowerCase(Locale.ROOT));
                }
            } else if (name.equalsIgnoreCase("host")) {
                hasHost = true;
            } else if (name.equalsIgnoreCase("connection")) {
                for (String option : field[1].split(",", -1)) {
                    if (ows(option).equalsIgnoreCase("close")) {
                        close = true;
                    }
                }
            }
        }
        State body;
        long length = 0;
        if (!transferCodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                return reject(400, "A request cannot have both Content-Length and Transfer-Encoding.");
            }
            if (http10) {
                return reject(400, "An HTTP/1.0 request cannot use Transfer-Encoding.");
            }
            if (!transferCodings.equals(List.of("chunked"))) {
                return transferCodings.contains("") || !transferCodings.getLast().equals("chunked")
                        || transferCodings.indexOf("chunked") != transferCodings.size() - 1
                        ? reject(400, "The request's Transfer-Encoding does not end with one 'chunked'.")
                        : reject(400, "This server accepts no transfer coding but 'chunked'.");
            }
            body = State.CHUNK_LINE;
        } else if (!contentLengths.isEmpty()) {
            if (contentLengths.size() > 1 || !isDecimal(contentLengths.getFirst())) {
                return reject(400, "The request's Content-Length is not a single decimal number.");
            }
            length = Long.parseLong(contentLengths.getFirst());
            body = length == 0 ? State.HEAD : State.LENGTH;
        } else {
            body = State.HEAD;
        }

        byte[] head = raw;
        if (authority != null || http10 || rewriteVersion) {
            StringBuilder rewritten = new StringBuilder(raw.length + 32)
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            for (String[] field : fields) {
                if (authority == null || !field[0].equalsIgnoreCase("host")) {
                    rewritten.append(field[0]).append(": ").append(field[1]).append("\r\n");
                }
            }
            if (authority != null) {
                // RFC 9112 3.2.2: the target's authority replaces any Host header field
                rewritten.append("Host: ").append(authority).append("\r\n");
            } else if (!hasHost) {
                rewritten.append("Host: ").append(defaultHost).append("\r\n");
            }
            if (http10) {
                rewritten.append("Connection: close\r\n");
            }
            head = rewritten.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        closeAfterMessage = close;
        remaining = length;
        bodyTotal = 0;
        state = body == State.HEAD ? endOfMessage() : body;
        return head;
    }

    private State endOfMessage() {
        return closeAfterMessage ? State.CLOSING : State.HEAD;
    }

    // ---------------------------------------------------------------- bodies

    private byte[] lengthBody() {
        byte[] piece = take(remaining);
        remaining -= piece.length;
        if (remaining == 0) {
            state = endOfMessage();
        }
        return piece;
    }

    private byte[] chunkLine() {
        String line = line("chunk size line");
        int end = 0;
        while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0 && line.charAt(end) < 0x80) {
            end++;
        }
        if (end == 0 || end > 15) {
            throw framing(Status.BAD_REQUEST_400, "A chunk size is not a hexadecimal number.");
        }
        String rest = ows(line.substring(end));
        if (end < line.length() && (rest.isEmpty() || rest.charAt(0) != ';')) {
            throw framing(Status.BAD_REQUEST_400, "A chunk size is followed by something other than an extension.");
        }
        long size = Long.parseLong(line.substring(0, end), 16);
        bodyTotal += size;
        if (maxPayload >= 0 && bodyTotal > maxPayload) {
            throw framing(Status.REQUEST_ENTITY_TOO_LARGE_413, "The chunked request body is larger than allowed.");
        }
        if (size == 0) {
            // the last chunk: read the trailer section to its empty line and drop it (RFC 9112 7.1.2)
            int trailerBytes = 0;
            while (true) {
                String trailer = line("trailer field");
                if (trailer.isEmpty()) {
                    break;
                }
                trailerBytes += trailer.length();
                int colon = trailer.indexOf(':');
                if (colon <= 0 || !isToken(trailer.substring(0, colon)) || trailerBytes > maxHeaders) {
                    throw framing(Status.BAD_REQUEST_400, "A trailer field of the chunked body is malformed.");
                }
            }
            state = endOfMessage();
            return "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        remaining = size;
        state = State.CHUNK_DATA;
        return (Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] chunkData() {
        byte[] piece = take(remaining);
        remaining -= piece.length;
        if (remaining == 0) {
            state = State.CHUNK_END;
        }
        return piece;
    }

    private byte[] chunkEnd() {
        while (available() < 2) {
            if (!pull()) {
                throw framing(Status.BAD_REQUEST_400, "The request ended inside a chunked body.");
            }
        }
        if (pending[pendingStart] != CR || pending[pendingStart + 1] != LF) {
            throw framing(Status.BAD_REQUEST_400, "Chunk data is not followed by CRLF.");
        }
        pendingStart += 2;
        state = State.CHUNK_LINE;
        return new byte[] {CR, LF};
    }

    /** One CRLF-terminated line of a chunked body, without its CRLF. */
    private String line(String what) {
        while (true) {
            int lf = indexOf(pending, pendingStart, "\n");
            if (lf >= 0) {
                if (lf == pendingStart || pending[lf - 1] != CR) {
                    throw framing(Status.BAD_REQUEST_400, "A " + what + " does not end with CRLF.");
                }
                String line = new String(pending, pendingStart, lf - 1 - pendingStart, StandardCharsets.ISO_8859_1);
                pendingStart = lf + 1;
                if (hasControl(line)) {
                    throw framing(Status.BAD_REQUEST_400, "A " + what + " contains a control character.");
                }
                return line;
            }
            if (available() > MAX_CHUNK_LINE) {
                throw framing(Status.BAD_REQUEST_400, "A " + what + " is too long.");
            }
            if (!pull()) {
                throw framing(Status.BAD_REQUEST_400, "The request ended inside a chunked body.");
            }
        }
    }

    /** Up to {@code max} bytes of body, reading from the socket when nothing is pending. */
    private byte[] take(long max) {
        if (available() == 0 && !pull()) {
            throw framing(Status.BAD_REQUEST_400, "The request ended before its body was complete.");
        }
        int n = (int) Math.min(max, available());
        byte[] piece = Arrays.copyOfRange(pending, pendingStart, pendingStart + n);
        pendingStart += n;
        return piece;
    }

    // ---------------------------------------------------------------- plumbing

    private int available() {
        return pending.length - pendingStart;
    }

    /** Reads more bytes from the socket; false at its end. */
    private boolean pull() {
        byte[] more;
        try {
            source.ensureAvailable();
            more = source.readBytes(source.available());
        } catch (DataReader.InsufficientDataAvailableException e) {
            return false;
        }
        if (available() == 0) {
            pending = more;
            pendingStart = 0;
            return true;
        }
        byte[] joined = new byte[available() + more.length];
        System.arraycopy(pending, pendingStart, joined, 0, available());
        System.arraycopy(more, 0, joined, available(), more.length);
        pending = joined;
        pendingStart = 0;
        return true;
    }

    private RequestException framing(Status status, String detail) {
        state = State.CLOSING;
        LOG.fine(() -> "Refused a request body: " + detail);
        return RequestException.builder()
                .type(EventType.BAD_REQUEST)
                .status(status)
                .message(detail)
                .setKeepAlive(false)
                .build();
    }

    /** Answers the request whose head is bad with a problem, then closes the connection. */
    private byte[] reject(int status, String detail) {
        state = State.CLOSING;
        String text = detail == null ? TransportProblems.detail(status) : detail;
        LOG.fine(() -> "Refused a request (" + status + "): " + text);
        byte[] body = Problems.body(status, TransportProblems.title(status), text, null);
        String head = "HTTP/1.1 " + status + " " + TransportProblems.title(status) + "\r\n"
                + "Content-Type: " + Problems.MEDIA_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try {
            writer.writeNow(BufferData.create(head.getBytes(StandardCharsets.US_ASCII)), BufferData.create(body));
        } catch (RuntimeException gone) {
            // the client is gone: nothing to answer
            LOG.log(Level.FINE, "Could not answer a refused request: the client is gone", gone);
        }
        throw new CloseConnectionException("Refused a malformed request (" + status + ")");
    }

    /** {@code s} without the optional whitespace (spaces and tabs only, RFC 9110 5.6.3) around it. */
    private static String ows(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Whether {@code bytes[from, to)} has a CR not followed by LF or an LF not preceded by CR; a CR
     * that ends the range of an incomplete head may still get its LF.
     */
    private static boolean hasBareCrOrLf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == LF && (i == from || bytes[i - 1] != CR)
                    || bytes[i] == CR && i + 1 < to && bytes[i + 1] != LF) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} has a control character other than HTAB (RFC 9110 5.5). */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDecimal(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= TCHAR.length || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int from, String needle) {
        outer:
        for (int i = from; i <= bytes.length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (bytes[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
