package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;

import java.nio.charset.StandardCharsets;

/** Writes {@code application/problem+json} answers (RFC 9457). */
public final class Problems {

    /** The problem+json media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Answers {@code exchange} with {@code problem}. */
    public static void answer(Exchange exchange, HttpProblem problem) {
        answer(exchange, problem.status(), problem.title(), problem.detail(), null);
    }

    /** Answers {@code exchange} with a problem; {@code detail} and {@code instance} (a correlation id) may be null. */
    public static void answer(Exchange exchange, int status, String title, String detail, String instance) {
        exchange.respond(status, MEDIA_TYPE, body(status, title, detail, instance));
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
