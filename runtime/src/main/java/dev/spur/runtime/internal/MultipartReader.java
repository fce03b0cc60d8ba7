package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Multipart;
import io.helidon.http.ContentDisposition;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpMediaType;
import io.helidon.http.WritableHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A streaming reader of a multipart body (RFC 2046 section 5.1, RFC 7578): it keeps one buffer of
 * the connection's bytes and hands each part's content out as it scans for the next delimiter, so
 * no part is ever held whole. The preamble and epilogue are ignored; anything else that breaks the
 * syntax (no delimiter, a delimiter not followed by CRLF, a malformed header line, a body that ends
 * before the close delimiter) is a 400 problem, and a part, header block, part count or body past
 * its limit a 413, raised by the read that meets it.
 */
final class MultipartReader implements Multipart {

    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    /** CRLF "--" boundary: what ends a part's content. */
    private final byte[] delimiter;
    private final boolean formData;
    private final Limits limits;
    private final byte[] buffer;
    private int pos;
    private int limit;
    private boolean eof;
    private long bodyBytes;
    private int parts;
    private PartReader current;
    private boolean started;
    private boolean finished;

    /** The limits of one multipart body. */
    record Limits(long maxPartSize, long maxSize, int maxParts, int maxHeaderSize) {
    }

    MultipartReader(InputStream in, String boundary, boolean formData, Limits limits) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.formData = formData;
        this.limits = limits;
        this.buffer = new byte[Math.max(BUFFER, Math.max(delimiter.length * 4, limits.maxHeaderSize() + 4))];
        // a body starts with its first delimiter, without the CRLF before it: pretend there is one
        buffer[0] = '\r';
        buffer[1] = '\n';
        this.limit = 2;
    }

    @Override
    public Optional<Part> next() {
        if (finished) {
            return Optional.empty();
        }
        if (current != null) {
            current.skipRest();
            current = null;
        } else if (!started) {
            started = true;
            skipToDelimiter("The multipart body has no part: its boundary never appears.");
        }
        if (startsWith("--")) {
            // the close delimiter: what follows is the epilogue, which carries no meaning
            finished = true;
            return Optional.empty();
        }
        skipTransportPadding();
        if (!startsWith("\r\n")) {
            throw malformed("A multipart boundary is not followed by a line break.");
        }
        pos += 2;
        if (++parts > limits.maxParts()) {
            throw tooLarge("The multipart body has more than " + limits.maxParts() + " parts.");
        }
        Headers headers = readHeaders();
        current = new PartReader(headers);
        return Optional.of(current);
    }

    // ---------------------------------------------------------------- the buffer

    /** Reads more of the body into the buffer; false at its end. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            return true;
        }
        int read;
        try {
            read = in.read(buffer, limit, buffer.length - limit);
        } catch (IOException e) {
            throw new UncheckedIOException("The multipart body could not be read", e);
        }
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        bodyBytes += read;
        if (limits.maxSize() >= 0 && bodyBytes > limits.maxSize()) {
            throw tooLarge("The multipart body is larger than " + limits.maxSize() + " bytes.");
        }
        return true;
    }

    /** Whether at least {@code count} bytes are buffered, reading more as needed. */
    private boolean available(int count) {
        while (limit - pos < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String ascii) {
        if (!available(ascii.length())) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buffer[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the delimiter in the buffered bytes, or -1. */
    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= limit - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Skips the preamble and the first delimiter. */
    private void skipToDelimiter(String missing) {
        while (true) {
            int at = indexOfDelimiter();
            if (at >= 0) {
                pos = at + delimiter.length;
                return;
            }
            // keep what could be the start of a delimiter cut by the buffer's end
            pos = Math.max(pos, limit - delimiter.length + 1);
            if (!fill()) {
                throw malformed(missing);
            }
        }
    }

    /** Linear white space that RFC 2046 allows after a boundary. */
    private void skipTransportPadding() {
        while (available(1) && (buffer[pos] == ' ' || buffer[pos] == '\t')) {
            pos++;
        }
    }

    // ---------------------------------------------------------------- headers

    private Headers readHeaders() {
        WritableHeaders<?> headers = WritableHeaders.create();
        int size = 0;
        while (true) {
            int end = lineEnd(limits.maxHeaderSize() - size);
            int length = end - pos;
            size += length + 2;
            if (length == 0) {
                pos += 2;
                return headers;
            }
            String line = decodeHeader(pos, length);
            pos = end + 2;
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw malformed("A multipart part has a malformed header line.");
            }
            headers.add(HeaderNames.create(line.substring(0, colon)), line.substring(colon + 1).strip());
        }
    }

    /** The index of the CRLF that ends the line at {@code pos}, within {@code room} bytes. */
    private int lineEnd(int room) {
        int from = pos;
        while (true) {
            for (int i = from; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    throw malformed("A multipart part's header block has a bare line break.");
                }
                if (i - pos >= room) {
                    throw tooLarge("A multipart part's header block is larger than " + limits.maxHeaderSize()
                            + " bytes.");
                }
            }
            from = Math.max(pos, limit - 1);
            int offset = from - pos;
            if (!fill()) {
                throw malformed("The multipart body ends inside a part's headers.");
            }
            from = pos + offset;
        }
    }

    private String decodeHeader(int start, int length) {
        try {
            // browsers send file names as raw UTF-8 (RFC 7578 section 4.2 allows it)
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("A multipart part's header is not valid UTF-8.");
        }
    }

    /** Whether {@code line} up to {@code end} is an RFC 9110 token (a header name). */
    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- parts

    /** A part whose content is read straight from the reader's buffer up to the next delimiter. */
    private final class PartReader extends InputStream implements Part {
        private final Headers headers;
        private final String name;
        private final String fileName;
        private long read;
        private boolean done;

        PartReader(Headers headers) {
            this.headers = headers;
            ContentDisposition disposition;
            try {
                disposition = headers.first(HeaderNames.CONTENT_DISPOSITION).map(ContentDisposition::parse)
                        .orElse(ContentDisposition.empty());
            } catch (RuntimeException e) {
                throw malformed("A multipart part's Content-Disposition is malformed.");
            }
            this.name = disposition.contentName().orElse("");
            this.fileName = disposition.filename().orElse(null);
            if (formData && (!disposition.type().equalsIgnoreCase("form-data") || name.isEmpty())) {
                throw malformed("A multipart/form-data part has no Content-Disposition: form-data with a name.");
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> fileName() {
            return Optional.ofNullable(fileName);
        }

        @Override
        public String contentType() {
            return headers.first(HeaderNames.CONTENT_TYPE).orElse("text/plain");
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public InputStream inputStream() {
            return this;
        }

        @Override
        public byte[] bytes() {
            try {
                return readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String text() {
            Charset charset;
            try {
                charset = HttpMediaType.create(contentType()).charset().map(Charset::forName)
                        .orElse(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                throw new HttpProblem(415, "Unsupported Media Type", "Part '" + name + "' has an unknown charset.");
            }
            try {
                return charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes()))
                        .toString();
            } catch (CharacterCodingException e) {
                throw HttpProblem.badRequest("Part '" + name + "' is not valid " + charset.name() + " text.");
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (done || current != this) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                int at = indexOfDelimiter();
                int safe = at >= 0 ? at : limit - delimiter.length + 1;
                if (safe > pos) {
                    int count = Math.min(length, safe - pos);
                    System.arraycopy(buffer, pos, target, offset, count);
                    pos += count;
                    count(count);
                    return count;
                }
                if (at == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                if (!fill()) {
                    throw malformed("The multipart body ends before its closing boundary.");
                }
            }
        }

        private void count(int bytes) {
            read += bytes;
            if (read > limits.maxPartSize()) {
                throw tooLarge("Part '" + name + "' is larger than " + limits.maxPartSize() + " bytes.");
            }
        }

        /** Reads past the rest of the content, to the delimiter after it (not counted against the part's limit). */
        void skipRest() {
            while (!done) {
                int at = indexOfDelimiter();
                if (at >= 0) {
                    pos = at + delimiter.length;
                    done = true;
                    return;
                }
                pos = Math.max(pos, limit - delimiter.length + 1);
                if (!fill()) {
                    throw malformed("The multipart body ends before its closing boundary.");
                }
            }
        }

        @Override
        public void close() {
            // the rest is skipped when the next part is asked for
        }
    }

    private static HttpProblem malformed(String detail) {
        return HttpProblem.badRequest(detail);
    }

    private static HttpProblem tooLarge(String detail) {
        return new HttpProblem(413, "Content Too Large", detail);
    }
}
