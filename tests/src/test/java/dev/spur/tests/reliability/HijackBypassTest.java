package dev.spur.tests.reliability;

import static dev.spur.tests.reliability.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host hijack cannot be escaped by spelling its host differently (case, trailing dot, port,
 * whitespace), nor entered by hosts that only look alike, nor steered by forwarding headers or
 * an absolute-form target: each request is answered by the hijack, by the normal routes only for
 * a genuinely different host, or refused with a 400 problem.
 */
class HijackBypassTest {

    private static final String SOURCE = """
            package hijackdemo;

            import dev.spur.Hijack;
            import dev.spur.Match;
            import dev.spur.Route;

            public class Api {
                @Route(path = "/{*rest}")
                public String normal(String rest) { return "normal"; }

                @Hijack(@Match(host = "admin.example.internal"))
                public static class Admin {
                    @Route(path = "/{*rest}")
                    public String admin(String rest) { return "hijack"; }
                }

                @Hijack(value = @Match(host = "*.tenants.example"), order = 1)
                public static class Tenants {
                    @Route(path = "/{*rest}")
                    public String tenant(String rest) { return "tenant"; }
                }
            }
            """;

    private static SpurServer server;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("hijackdemo/Api.java", SOURCE), "hijackdemo.Router");
        Router router = (Router) loader.loadClass("hijackdemo.Router").getMethod("create").invoke(null);
        server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static RawHttp.Answer request(String head) throws IOException {
        try (RawHttp http = RawHttp.local(server.port())) {
            return http.sendRaw(head.getBytes(StandardCharsets.ISO_8859_1), false);
        }
    }

    private static RawHttp.Answer withHost(String host, String... extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder("GET /items HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return request(head.append("\r\n").toString());
    }

    /** The answer is the hijack's, or a refusal; never the normal routes'. */
    private static void assertNotEscaped(String host, String hijack) throws IOException {
        RawHttp.Answer answer = withHost(host);
        if (answer.status() == 400) {
            assertProblem(answer, 400);
        } else {
            assertEquals(hijack, answer.text(), "Host: " + host);
        }
    }

    @Test
    void spellingsOfTheHijackedHostReachTheHijack() throws IOException {
        for (String host : List.of("admin.example.internal", "ADMIN.EXAMPLE.INTERNAL", "Admin.Example.Internal.",
                "admin.example.internal:80", "admin.example.internal.:8443", "admin.example.internal:65535",
                " admin.example.internal", "admin.example.internal ", "admin.example.internal\t",
                "admin.example.internal:", "admin.example.internal..", "admin.example.internal:8080:80",
                "admin.example.internal:abc")) {
            assertNotEscaped(host, "hijack");
        }
        for (String host : List.of("a.tenants.example", "A.B.TENANTS.EXAMPLE.", "x.tenants.example:1")) {
            assertNotEscaped(host, "tenant");
        }
    }

    @Test
    void hostsThatOnlyLookAlikeAreNotHijacked() throws IOException {
        for (String host : List.of("admin.example.internal.evil", "xadmin.example.internal", "admin.example",
                "admin%2Eexample.internal", "evil.admin.example.internal", "tenants.example", "xtenants.example",
                "a.tenants.example.evil", "127.0.0.1", "[::1]:80")) {
            RawHttp.Answer answer = withHost(host);
            if (answer.status() == 400) {
                assertProblem(answer, 400);
            } else {
                assertEquals("normal", answer.text(), "Host: " + host);
            }
        }
    }

    @Test
    void forwardingHeadersDoNotSteerHijacks() throws IOException {
        assertEquals("normal", withHost("other.example", "X-Forwarded-Host: admin.example.internal").text());
        assertEquals("normal", withHost("other.example", "Forwarded: host=admin.example.internal").text());
        assertEquals("hijack", withHost("admin.example.internal", "X-Forwarded-Host: other.example").text());
        assertEquals("hijack", withHost("admin.example.internal", "Forwarded: host=other.example").text());
    }

    @Test
    void anAbsoluteFormTargetsAuthorityIsTheHostHijacksSee() throws IOException {
        // RFC 9112 3.2.2: the target's authority replaces the Host header, for routing and hijacks alike.
        assertEquals("hijack", request("GET http://admin.example.internal/items HTTP/1.1\r\nHost: other.example\r\n\r\n").text());
        assertEquals("normal", request("GET http://other.example/items HTTP/1.1\r\nHost: admin.example.internal\r\n\r\n").text());
        assertEquals("hijack", request("GET HTTP://ADMIN.example.internal:8080/items HTTP/1.1\r\nHost: other.example\r\n\r\n").text());
    }

    @Test
    void ambiguousHostsAreRefused() throws IOException {
        assertProblem(request("GET /items HTTP/1.1\r\nHost: other.example\r\nHost: admin.example.internal\r\n\r\n"), 400);
        assertProblem(request("GET /items HTTP/1.1\r\nHost: admin.example.internal\r\nHost: other.example\r\n\r\n"), 400);
        assertProblem(request("GET /items HTTP/1.1\r\n\r\n"), 400);
        assertProblem(request("GET http://user@admin.example.internal/items HTTP/1.1\r\nHost: other.example\r\n\r\n"), 400);
        assertProblem(request("GET http:///items HTTP/1.1\r\nHost: admin.example.internal\r\n\r\n"), 400);
        RawHttp.Answer encoded = withHost("admin.example.internal\u0000");
        assertNotEquals("normal", encoded.text());
    }
}
