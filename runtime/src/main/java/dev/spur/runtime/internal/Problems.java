package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/** Writes {@code application/problem+json} answers (RFC 9457). */
public final class Problems {

    /** The problem+json media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Sends {@code problem} as the response. */
    public static void send(ServerResponse response, HttpProblem problem) {
        send(response, problem.status(), problem.title(), problem.detail(), null);
    }

    /** Sends a problem answer; {@code instance} (a correlation id) may be null. */
    public static void send(ServerResponse response, int status, String title, String detail, String instance) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        response.send(body(status, title, detail, instance));
    }

    /** The UTF-8 bytes of a problem+json body; {@code detail} and {@code instance} may be null. */
    static byte[] body(int status, String title, String detail, String instance) {
        StringBuilder json = new StringBuilder(128)
                .append("{\"type\":\"about:blank\",\"title\":");
        quote(json, title);
        json.append(",\"status\":").append(status);
        if (detail != null) {
            json.append(",\"detail\":");
            quote(json, detail);
        }
        if (instance != null) {
            json.append(",\"instance\":");
            quote(json, instance);
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code value} as a JSON string literal. */
    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
