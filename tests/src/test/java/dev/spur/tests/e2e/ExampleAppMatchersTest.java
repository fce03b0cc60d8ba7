package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.json;
import static dev.spur.tests.e2e.E2e.jsonBytes;
import static dev.spur.tests.e2e.E2e.jsonType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.example.Main;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example app's conditional routing over real HTTP: the header-versioned and negotiated
 * {@code /about}, the {@code echo.example.internal} hijack and the admin listener.
 */
class ExampleAppMatchersTest {

    private SpurServer server;
    private RawHttp http;
    private RawHttp admin;

    @BeforeEach
    void start() {
        server = Main.start("127.0.0.1", 0);
        http = RawHttp.local(server.port()).withHeader("Authorization", "Bearer " + Main.DEFAULT_TOKEN);
        admin = RawHttp.local(server.port("admin"));
    }

    @AfterEach
    void stop() {
        http.close();
        admin.close();
        server.stop();
    }

    @Test
    void aboutIsVersionedByHeaderAndNegotiatedByAccept() throws IOException {
        RawHttp.Answer json = http.send("GET", "/about");
        assertEquals("application/json", json.header("Content-Type").orElseThrow());
        assertEquals("1", json(json).get("version").asText());
        RawHttp.Answer text = http.send("GET", "/about", Map.of("Accept", "text/plain"), null);
        assertEquals("spur-example, API version 1\n", text.text());
        RawHttp.Answer v2 = http.send("GET", "/about", Map.of("X-Api-Version", "2"), null);
        assertEquals("2", json(v2).get("apiVersion").asText());
        RawHttp.Answer v2Text = http.send("GET", "/about", Map.of("X-Api-Version", "2", "Accept", "text/plain"), null);
        assertEquals("spur-example, API version 1\n", v2Text.text());
        RawHttp.Answer none = http.send("GET", "/about", Map.of("Accept", "image/png"), null);
        assertEquals(406, none.status());
    }

    @Test
    void echoHostIsHijackedWhateverThePath() throws IOException {
        http.send("POST", "/bookmarks", jsonType(), jsonBytes(Map.of("url", "https://a.example", "title", "A",
                "tags", List.of())));
        RawHttp.Answer echo = http.send("GET", "/bookmarks/1?x=1", Map.of("Host", "Echo.Example.Internal."), null);
        assertEquals("/bookmarks/1", json(echo).get("path").asText());
        assertEquals("x=1", json(echo).get("query").asText());
        RawHttp.Answer posted = http.send("POST", "/anything", Map.of("Host", "echo.example.internal:80",
                "Content-Type", "text/plain"), "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("hi", json(posted).get("body").asText());
        assertEquals(405, http.send("DELETE", "/bookmarks/1", Map.of("Host", "echo.example.internal"), null)
                .status());
        assertEquals(200, http.send("GET", "/bookmarks/1").status());
    }

    @Test
    void adminEndpointsOnlyOnTheAdminListener() throws IOException {
        assertEquals("UP", json(admin.send("GET", "/admin/health")).get("status").asText());
        assertEquals(404, http.send("GET", "/admin/health").status());
    }

    @Test
    void headOfAJsonRouteCarriesTheGetLength() throws IOException {
        http.send("POST", "/bookmarks", jsonType(), jsonBytes(Map.of("url", "https://b.example", "title", "B",
                "tags", List.of("x"))));
        RawHttp.Answer get = http.send("GET", "/bookmarks/1");
        RawHttp.Answer head = http.send("HEAD", "/bookmarks/1");
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.header("Content-Length").orElseThrow());
    }
}
