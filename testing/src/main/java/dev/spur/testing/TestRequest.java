package dev.spur.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A request being built by a {@link SpurClient}; {@link #send()} sends it. */
public final class TestRequest {

    private final SpurClient client;
    private final String method;
    private final String target;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body;

    TestRequest(SpurClient client, String method, String target) {
        this.client = client;
        this.method = Objects.requireNonNull(method, "method");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Adds a header. */
    public TestRequest header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A JSON body ({@code Content-Type: application/json}). */
    public TestRequest json(String json) {
        return body("application/json", json);
    }

    /** A text body of {@code contentType}. */
    public TestRequest body(String contentType, String text) {
        header("Content-Type", contentType);
        this.body = SpurClient.utf8(text);
        return this;
    }

    /** A body of raw bytes of {@code contentType}. */
    public TestRequest body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        this.body = bytes.clone();
        return this;
    }

    /** Sends the request and returns the answer. */
    public TestResponse send() {
        return client.send(method, target, headers, body);
    }
}
