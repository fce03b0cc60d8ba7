package dev.spur.runtime.layers;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Layer;
import io.helidon.http.HeaderNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lets a request through only with an accepted bearer token ({@code Authorization: Bearer <token>},
 * RFC 6750). Otherwise it answers {@code 401 Unauthorized} as {@code application/problem+json} and
 * the layers inside it and the handler do not run:
 * <ul>
 *   <li>no {@code Authorization} header, or one of another scheme: {@code WWW-Authenticate: Bearer};</li>
 *   <li>a {@code Bearer} credential that is not a token68 (RFC 9110), more than one
 *       {@code Authorization} header, or a token the check rejects:
 *       {@code WWW-Authenticate: Bearer error="invalid_token"}.</li>
 * </ul>
 * The scheme name is case-insensitive. An accepted token is stored on the exchange as the attribute
 * {@link Token} (see {@link #token(Exchange)}). The check runs on the request's thread for every
 * request; it must be thread-safe, and what it throws is answered as a 500.
 */
public final class BearerAuth implements Layer {

    private static final String CHALLENGE = "Bearer";
    private static final String INVALID = "Bearer error=\"invalid_token\"";

    private final Predicate<String> check;

    /**
     * The exchange attribute holding the accepted token.
     *
     * @param value the token, as sent
     */
    public record Token(String value) {
        /** Requires a non-null value. */
        public Token {
            Objects.requireNonNull(value, "value");
        }

        /** Does not show the token. */
        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** A layer that accepts the tokens {@code check} returns true for. */
    public BearerAuth(Predicate<String> check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * A layer that accepts exactly {@code expected}, compared in constant time (SHA-256 digests of
     * both, compared with {@link MessageDigest#isEqual}, so neither content nor length leaks through
     * timing).
     */
    public static BearerAuth token(String expected) {
        Objects.requireNonNull(expected, "expected");
        if (!token68(expected)) {
            throw new IllegalArgumentException("A bearer token is a non-empty token68 (RFC 9110)");
        }
        byte[] wanted = sha256(expected);
        return new BearerAuth(candidate -> MessageDigest.isEqual(wanted, sha256(candidate)));
    }

    /** The token a {@code BearerAuth} accepted for {@code exchange}. */
    public static Optional<String> token(Exchange exchange) {
        return exchange.attribute(Token.class).map(Token::value);
    }

    @Override
    public void handle(Exchange exchange, Next next) {
        List<String> values = exchange.headers().all(HeaderNames.AUTHORIZATION, List::of);
        if (values.isEmpty()) {
            refuse(exchange, CHALLENGE, "The request has no bearer token.");
            return;
        }
        String credentials = values.getFirst().strip();
        int space = credentials.indexOf(' ');
        String scheme = space < 0 ? credentials : credentials.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            refuse(exchange, CHALLENGE, "The request has no bearer token.");
            return;
        }
        String token = space < 0 ? "" : credentials.substring(space + 1).stripLeading();
        if (values.size() > 1 || !token68(token)) {
            refuse(exchange, INVALID, "The bearer token is malformed.");
            return;
        }
        if (!check.test(token)) {
            refuse(exchange, INVALID, "The bearer token was not accepted.");
            return;
        }
        exchange.attribute(Token.class, new Token(token));
        next.proceed(exchange);
    }

    private static void refuse(Exchange exchange, String challenge, String detail) {
        exchange.respond(new HttpProblem(401, "Unauthorized", detail));
        exchange.responseHeaders().set(HeaderNames.WWW_AUTHENTICATE, challenge);
    }

    /** {@code token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean token68(String value) {
        int length = value.length();
        int end = length;
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
