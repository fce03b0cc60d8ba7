package dev.spur.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import io.helidon.http.HeaderNames;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerAuthTest {

    private final BearerAuth layer = BearerAuth.token("s3cr3t-Token");
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void reset() {
        calls.set(0);
    }

    private Exchange run(String... authorization) {
        Exchange.Builder request = Exchange.request("GET", "/private");
        for (String value : authorization) {
            request.header("Authorization", value);
        }
        Exchange exchange = request.build();
        layer.handle(exchange, e -> {
            calls.incrementAndGet();
            e.respond(200, "text/plain", ("hello " + BearerAuth.token(e).orElseThrow()).getBytes());
        });
        return exchange;
    }

    private static void assertRefused(Exchange exchange, String challenge) {
        assertEquals(401, exchange.status());
        assertEquals("application/problem+json", exchange.responseHeaders().first(HeaderNames.CONTENT_TYPE).orElseThrow());
        assertTrue(exchange.responseText().contains("\"title\":\"Unauthorized\""), exchange.responseText());
        assertEquals(challenge, exchange.responseHeaders().first(HeaderNames.WWW_AUTHENTICATE).orElseThrow());
    }

    @Test
    void aMissingTokenIsRefusedWithABareChallenge() {
        assertRefused(run(), "Bearer");
        assertRefused(run("Basic dXNlcjpwYXNz"), "Bearer");
        assertEquals(0, calls.get(), "the handler never ran");
    }

    @Test
    void aMalformedOrWrongTokenIsRefusedAsInvalid() {
        assertRefused(run("Bearer"), "Bearer error=\"invalid_token\"");
        assertRefused(run("Bearer not a token"), "Bearer error=\"invalid_token\"");
        assertRefused(run("Bearer s3cr3t-Token", "Bearer s3cr3t-Token"), "Bearer error=\"invalid_token\"");
        Exchange wrong = run("Bearer wrong-token");
        assertRefused(wrong, "Bearer error=\"invalid_token\"");
        assertTrue(wrong.responseText().contains("not accepted"), wrong.responseText());
        assertRefused(run("Bearer s3cr3t-token"), "Bearer error=\"invalid_token\"");
        assertEquals(0, calls.get(), "the handler never ran");
    }

    @Test
    void theRightTokenProceeds() {
        Exchange exchange = run("Bearer s3cr3t-Token");
        assertEquals(200, exchange.status());
        assertEquals("hello s3cr3t-Token", exchange.responseText());
        assertTrue(exchange.responseHeaders().first(HeaderNames.WWW_AUTHENTICATE).isEmpty());
        assertEquals(200, run("bearer   s3cr3t-Token").status(), "the scheme is case-insensitive");
        assertEquals(2, calls.get());
    }

    @Test
    void aPredicateDecides() {
        BearerAuth prefixed = new BearerAuth(token -> token.startsWith("ok."));
        Exchange good = Exchange.request("GET", "/").header("Authorization", "Bearer ok.abc").build();
        prefixed.handle(good, e -> e.respond(204, null, null));
        assertEquals(204, good.status());
        Exchange bad = Exchange.request("GET", "/").header("Authorization", "Bearer no.abc").build();
        prefixed.handle(bad, e -> e.respond(204, null, null));
        assertEquals(401, bad.status());
        assertThrows(IllegalArgumentException.class, () -> BearerAuth.token("has space"));
        assertTrue(BearerAuth.token68("abc+/=="));
    }
}
