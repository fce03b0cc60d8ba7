package dev.spur.tests.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code @Match} condition kind and {@code @Hijack}, end to end: the handlers below are
 * compiled with the processor, served on two listeners (IPv4 and, where the machine has it, IPv6)
 * and asked over real HTTP with real {@code Host}, {@code Accept} and {@code Content-Type} headers.
 */
class MatchEndToEndTest {

    private static final String SOURCE = """
            package matchdemo;

            import dev.spur.Body;
            import dev.spur.Hijack;
            import dev.spur.Match;
            import dev.spur.Route;
            import dev.spur.runtime.RequestMatcher;
            import io.helidon.webserver.http.ServerRequest;

            public class Api {
                @Route(path = "/items")
                @Match(header = "X-Api-Version=2")
                public String itemsV2() { return "items v2"; }

                @Route(path = "/items")
                public String items() { return "items v1"; }

                @Route(path = "/report")
                @Match(produces = "application/json")
                public String reportJson() { return "{\\"report\\":true}"; }

                @Route(path = "/report")
                @Match(produces = "text/plain")
                public String reportText() { return "report"; }

                @Route(method = "POST", path = "/upload")
                @Match(consumes = {"application/json", "application/*+json"})
                public String upload(@Body String body) { return "uploaded " + body.length(); }

                @Route(path = "/control")
                @Match(listener = "admin")
                public String control() { return "control"; }

                @Route(path = "/port")
                @Match(port = PORT)
                public String port() { return "fixed port"; }

                @Route(path = "/loopback")
                @Match(remote = {"127.0.0.0/8", "::1/128"})
                public String loopback() { return "loopback"; }

                @Route(path = "/elsewhere")
                @Match(remote = "10.0.0.0/8")
                public String elsewhere() { return "ten"; }

                @Route(path = "/mapped")
                @Match(remote = "::ffff:127.0.0.0/104")
                public String mapped() { return "mapped loopback"; }

                @Route(path = "/mapped-elsewhere")
                @Match(remote = "::ffff:10.0.0.0/104")
                public String mappedElsewhere() { return "mapped ten"; }

                @Route(path = "/pages")
                @Match(query = "page[number]")
                public String pages(@dev.spur.Query("page[size]") int size,
                                    @dev.spur.Query("page[number]") int number) { return size + "/" + number; }

                @Route(path = "/debug")
                @Match(query = "debug", header = "X-Debug")
                public String debug() { return "debug"; }

                @Route(path = "/format")
                @Match(query = "format=csv")
                public String csv() { return "csv"; }

                @Route(path = "/format")
                public String plain() { return "plain"; }

                @Route(path = "/tenant")
                @Match(host = "*.tenants.example")
                public String tenant() { return "tenant"; }

                @Route(path = "/tenant")
                public String noTenant() { return "no tenant"; }

                @Route(path = "/public")
                @Match(header = "X-Internal", negate = true)
                public String publicOnly() { return "public"; }

                @Route(path = "/scheme")
                @Match(scheme = "http", version = "1.1")
                public String scheme() { return "http/1.1"; }

                @Route(path = "/custom")
                @Match(custom = Api.EvenLength.class)
                public String custom() { return "even"; }

                @Route(path = "/either")
                @Match(header = "X-A")
                @Match(header = "X-B")
                public String either() { return "either"; }

                public static class EvenLength implements RequestMatcher {
                    @Override
                    public boolean matches(dev.spur.runtime.Exchange request) {
                        return request.query().contains("q") && request.query().get("q").length() % 2 == 0;
                    }
                }

                @Hijack(@Match(host = "echo.example.internal"))
                public static class Echo {
                    @Route(path = "/{*rest}")
                    public String echo(String rest) { return "echo " + rest; }
                }

                @Hijack(value = @Match(remote = "192.0.2.0/24"), order = 1)
                public static class Firewall {
                }
            }
            """;

    private static SpurServer server;
    private static int adminPort;
    private static int fixedPort;
    private static boolean ipv6;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        fixedPort = freePort();
        String source = SOURCE.replace("PORT", Integer.toString(fixedPort));
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("matchdemo/Api.java", source),
                "matchdemo.Router");
        Router router = (Router) loader.loadClass("matchdemo.Router").getMethod("create").invoke(null);
        ipv6 = hasIpv6Loopback();
        server = SpurServer.builder(router)
                .host(ipv6 ? "::" : "0.0.0.0")
                .port(fixedPort)
                .listener("admin", 0)
                .start();
        adminPort = server.port("admin");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static RawHttp.Answer get(String target, String... headers) throws IOException {
        return send(fixedPort, "GET", target, null, headers);
    }

    private static RawHttp.Answer send(int port, String method, String target, String body, String... headers)
            throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        try (RawHttp http = RawHttp.local(port)) {
            return http.send(method, target, map, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void headerConditionIsTriedBeforeTheUnconditionedRoute() throws IOException {
        assertEquals("items v2", get("/items", "X-Api-Version", "2").text());
        assertEquals("items v1", get("/items", "X-Api-Version", "3").text());
        assertEquals("items v1", get("/items").text());
    }

    @Test
    void producesNegotiatesWithQualityValues() throws IOException {
        assertEquals("report", get("/report", "Accept", "text/plain").text());
        assertEquals("{\"report\":true}", get("/report", "Accept", "application/json").text());
        assertEquals("report", get("/report", "Accept", "application/json;q=0.4, text/*;q=0.9").text());
        assertEquals("{\"report\":true}", get("/report", "Accept", "*/*;q=0.1, application/json").text());
        RawHttp.Answer refused = get("/report", "Accept", "image/png");
        assertEquals(406, refused.status());
        assertEquals("application/problem+json", refused.header("Content-Type").orElseThrow());
        assertEquals(406, get("/report", "Accept", "text/plain;q=0").status());
    }

    @Test
    void consumesAcceptsRangesAndAnswers415Otherwise() throws IOException {
        assertEquals("uploaded 2", send(fixedPort, "POST", "/upload", "{}", "Content-Type", "application/json").text());
        assertEquals("uploaded 2", send(fixedPort, "POST", "/upload", "{}",
                "Content-Type", "application/vnd.spur+json; charset=utf-8").text());
        RawHttp.Answer wrong = send(fixedPort, "POST", "/upload", "{}", "Content-Type", "text/plain");
        assertEquals(415, wrong.status());
        assertTrue(wrong.text().contains("\"status\":415"), wrong.text());
        assertEquals(415, send(fixedPort, "POST", "/upload", "{}").status());
        assertEquals(405, send(fixedPort, "PUT", "/upload", "{}", "Content-Type", "application/json").status());
    }

    @Test
    void listenerAndPortConditionsSelectTheSocket() throws IOException {
        assertEquals(404, get("/control").status());
        assertEquals("control", send(adminPort, "GET", "/control", null).text());
        assertEquals("fixed port", get("/port").text());
        assertEquals(404, send(adminPort, "GET", "/port", null).status());
    }

    @Test
    void remoteAddressMatchesIpv4Cidr() throws IOException {
        assertEquals("loopback", get("/loopback").text());
        assertEquals(404, get("/elsewhere").status());
    }

    @Test
    void remoteAddressMatchesAnIpv4MappedCidr() throws IOException {
        assertEquals("mapped loopback", get("/mapped").text());
        assertEquals(404, get("/mapped-elsewhere").status());
    }

    @Test
    void jsonApiQueryNamesAreServed() throws IOException {
        assertEquals("10/2", get("/pages?page%5Bsize%5D=10&page%5Bnumber%5D=2").text());
        assertEquals(404, get("/pages?page%5Bsize%5D=10").status());
    }

    @Test
    void remoteAddressMatchesIpv6Cidr() throws IOException {
        assumeTrue(ipv6, "no IPv6 loopback on this machine");
        try (RawHttp http = new RawHttp("::1", fixedPort)) {
            assertEquals("loopback", http.send("GET", "/loopback", Map.of("Host", "[::1]"), null).text());
        }
    }

    @Test
    void allConditionsOfOneMatchMustHold() throws IOException {
        assertEquals("debug", get("/debug?debug", "X-Debug", "1").text());
        assertEquals(404, get("/debug?debug").status());
        assertEquals(404, get("/debug", "X-Debug", "1").status());
        assertEquals("csv", get("/format?format=csv").text());
        assertEquals("plain", get("/format?format=json").text());
    }

    @Test
    void repeatedMatchesAreAlternativesAndNegationInverts() throws IOException {
        assertEquals("either", get("/either", "X-A", "1").text());
        assertEquals("either", get("/either", "X-B", "1").text());
        assertEquals(404, get("/either").status());
        assertEquals("public", get("/public").text());
        assertEquals(404, get("/public", "X-Internal", "yes").status());
    }

    @Test
    void wildcardHostIgnoresCasePortAndTrailingDot() throws IOException {
        assertEquals("tenant", get("/tenant", "Host", "acme.tenants.example").text());
        assertEquals("tenant", get("/tenant", "Host", "ACME.Tenants.Example.:8080").text());
        assertEquals("no tenant", get("/tenant", "Host", "tenants.example").text());
        assertEquals("no tenant", get("/tenant", "Host", "acme.tenants.example.evil").text());
    }

    @Test
    void schemeVersionAndCustomMatchers() throws IOException {
        assertEquals("http/1.1", get("/scheme").text());
        assertEquals("even", get("/custom?q=ab").text());
        assertEquals(404, get("/custom?q=abc").status());
    }

    @Test
    void hijackTakesItsHostAwayFromNormalRoutes() throws IOException {
        assertEquals("echo items", get("/items", "Host", "echo.example.internal").text());
        assertEquals("echo a/b", get("/a/b", "Host", "ECHO.example.INTERNAL").text());
        assertEquals("echo items", get("/items", "Host", "echo.example.internal.:8443").text());
        RawHttp.Answer post = send(fixedPort, "POST", "/items", null, "Host", "echo.example.internal");
        assertEquals(405, post.status());
        assertEquals("GET, HEAD, OPTIONS", post.header("Allow").orElseThrow());
        assertEquals(404, get("/", "Host", "echo.example.internal").status());
    }

    @Test
    void hostTricksDoNotReachTheHijackNorEscapeIt() throws IOException {
        assertEquals("items v1", get("/items", "Host", "echo%2Eexample.internal").text());
        assertEquals("items v1", get("/items", "Host", "echo.example.internal.evil").text());
        assertEquals("items v1", get("/items", "Host", "xecho.example.internal").text());
        assertEquals("echo items", get("/items", "Host", "echo.example.internal", "X-Api-Version", "2").text());
    }

    @Test
    void normalRoutesStillAnswer404And405() throws IOException {
        assertEquals(404, get("/nope").status());
        RawHttp.Answer options = send(fixedPort, "OPTIONS", "/items", null);
        assertEquals(204, options.status());
        assertEquals("GET, HEAD, OPTIONS", options.header("Allow").orElseThrow());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean hasIpv6Loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return socket.getInetAddress() instanceof Inet6Address;
        } catch (IOException e) {
            return false;
        }
    }
}
