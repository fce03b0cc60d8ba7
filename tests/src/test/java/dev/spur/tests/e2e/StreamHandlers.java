package dev.spur.tests.e2e;

import dev.spur.Body;
import dev.spur.Layer;
import dev.spur.MultipartLimits;
import dev.spur.Query;
import dev.spur.Route;
import dev.spur.runtime.BodyWriter;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Multipart;
import dev.spur.runtime.Response;
import dev.spur.runtime.SafePath;
import dev.spur.runtime.layers.Deadline;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.sse.SseSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Streamed bodies and answers: multipart uploads, safe paths, streams, writers, events, async results. */
public class StreamHandlers {

    /** What the handler learnt of one uploaded part, read as a stream. */
    public record PartSummary(String name, String fileName, String contentType, long size, String sha256) {
    }

    /** Streams every part through a digest and reports it. */
    @Route(method = Route.POST, path = "/io/uploads")
    public List<PartSummary> upload(@Body Multipart upload) throws IOException {
        List<PartSummary> parts = new ArrayList<>();
        for (Multipart.Part part : upload) {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] chunk = new byte[4096];
            try (InputStream in = part.inputStream()) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    digest.update(chunk, 0, n);
                    size += n;
                }
            }
            parts.add(new PartSummary(part.name(), part.fileName().orElse(null), part.contentType(), size,
                    HexFormat.of().formatHex(digest.digest())));
        }
        return parts;
    }

    /** Small limits: parts of 16 bytes, two of them. */
    @Route(method = Route.POST, path = "/io/uploads/small")
    public String small(@Body @MultipartLimits(maxPartSize = 16, maxParts = 2, maxSize = 4096) Multipart upload) {
        StringBuilder text = new StringBuilder();
        for (Multipart.Part part : upload) {
            text.append(part.name()).append('=').append(part.text()).append(';');
        }
        return text.toString();
    }

    /** Reads only the first part's name, leaving the rest unread. */
    @Route(method = Route.POST, path = "/io/uploads/first")
    public String first(@Body Multipart upload) {
        return upload.next().map(Multipart.Part::name).orElse("none");
    }

    /** Counts the bytes of a raw body, streamed. */
    @Route(method = Route.POST, path = "/io/raw")
    public String raw(@Body InputStream body) throws IOException {
        return Long.toString(body.transferTo(OutputStream.nullOutputStream()));
    }

    /** A catch-all bound to a safe path. */
    @Route(path = "/io/files/{*file}")
    public String file(SafePath file) {
        return String.join("|", file.segments());
    }

    /** A catch-all bound to java.nio.file.Path. */
    @Route(path = "/io/paths/{*path}")
    public String path(Path path) {
        return path.toString() + " " + path.getNameCount();
    }

    /** {@code size} bytes as a stream. */
    @Route(path = "/io/stream")
    public InputStream stream(@Query(defaultValue = "1000") int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return new java.io.ByteArrayInputStream(bytes);
    }

    /** Lines written to the connection. */
    @Route(path = "/io/writer")
    public BodyWriter writer(@Query(defaultValue = "3") int lines) {
        return out -> {
            for (int i = 1; i <= lines; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /** A CSV export: a writer in a Response with its own content type. */
    @Route(path = "/io/export.csv")
    public Response export() {
        return Response.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "text/csv")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .body((BodyWriter) out -> out.write("id,name\n1,one\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** A writer that fails after its first bytes. */
    @Route(path = "/io/broken")
    public BodyWriter broken() {
        return out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IllegalStateException("the export failed half-way");
        };
    }

    /** Created, with Helidon's Status and HeaderName. */
    @Route(method = Route.POST, path = "/io/created")
    public Response created() {
        return Response.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/io/created/1").body("made");
    }

    /** Three events. */
    @Route(path = "/io/events")
    public void events(SseSink events, @Query(defaultValue = "3") int count) {
        for (int i = 1; i <= count; i++) {
            events.emit(SseEvent.builder().name("tick").id(Integer.toString(i)).data("tick " + i).build());
        }
    }

    /** A value computed on another thread. */
    @Route(path = "/io/later")
    public CompletionStage<String> later() {
        return CompletableFuture.supplyAsync(() -> "later");
    }

    /** A JSON value computed on another thread. */
    @Route(path = "/io/later/json")
    public CompletableFuture<PartSummary> laterJson() {
        return CompletableFuture.supplyAsync(() -> new PartSummary("n", null, "text/plain", 1, "x"));
    }

    /** A stage that fails with a problem. */
    @Route(path = "/io/later/problem")
    public CompletionStage<String> laterProblem() {
        return CompletableFuture.failedFuture(new HttpProblem(409, "Conflict", "Too late."));
    }

    /** Nothing, later. */
    @Route(method = Route.POST, path = "/io/later/void")
    public CompletionStage<Void> laterVoid() {
        return CompletableFuture.runAsync(() -> { });
    }

    /** A stage that never completes, under a short deadline. */
    @Route(path = "/io/later/never")
    @Layer(ShortDeadline.class)
    public CompletionStage<String> never() {
        return new CompletableFuture<>();
    }

    /** A 300 ms {@link Deadline}. */
    public static final class ShortDeadline implements dev.spur.runtime.Layer {
        private final Deadline deadline = new Deadline(Duration.ofMillis(300));

        @Override
        public void handle(dev.spur.runtime.Exchange exchange, Next next) throws Exception {
            deadline.handle(exchange, next);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
