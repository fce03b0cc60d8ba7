package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Multipart;
import io.helidon.http.HttpMediaType;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** Streamed request bodies for generated code: a {@code @Body Multipart} and a {@code @Body InputStream}. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The request body as a multipart body read part by part; a request that is not
     * {@code multipart/*} is a 415, one without a usable {@code boundary} parameter a 400.
     */
    public static Multipart multipart(Exchange exchange, long maxPartSize, long maxSize, int maxParts,
                                      int maxHeaderSize) {
        HttpMediaType type = contentType(exchange).orElseThrow(() -> new HttpProblem(415, "Unsupported Media Type",
                "The request body must be multipart (Content-Type: multipart/form-data; boundary=...)."));
        if (!type.type().equalsIgnoreCase("multipart")) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "The request body must be multipart (Content-Type: multipart/form-data; boundary=...).");
        }
        String boundary = type.parameters().get("boundary");
        if (boundary == null || !validBoundary(boundary)) {
            throw HttpProblem.badRequest("A multipart Content-Type needs a boundary parameter of 1 to 70 characters "
                    + "(RFC 2046).");
        }
        boolean formData = type.subtype().toLowerCase(Locale.ROOT).equals("form-data");
        return new MultipartReader(exchange.bodyStream(), boundary, formData,
                new MultipartReader.Limits(maxPartSize, maxSize, maxParts, maxHeaderSize));
    }

    /** The request body as a stream (empty when there is none), bounded by the listener's payload limit. */
    public static InputStream stream(Exchange exchange) {
        if (exchange.requestValue() instanceof byte[] handedOver) {
            return new java.io.ByteArrayInputStream(handedOver);
        }
        return exchange.bodyStream();
    }

    /** RFC 2046 {@code bchars}, 1 to 70 of them, not ending with a space. */
    private static boolean validBoundary(String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
            return false;
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "'()+_,-./:=? ".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<HttpMediaType> contentType(Exchange exchange) {
        try {
            return exchange.headers().contentType();
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("The Content-Type header is not a valid media type.");
        }
    }
}
