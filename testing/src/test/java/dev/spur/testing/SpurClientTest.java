package dev.spur.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.RouteInfo;
import dev.spur.runtime.Router;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test kit's client and assertions against a hand-written router: they pass when they should and fail when they should. */
class SpurClientTest {

    /** Echoes the method, path, a header and the body; {@code /missing} is a 404 problem. */
    private static final Router ECHO = new Router() {
        @Override
        public void route(Exchange exchange) {
            if (exchange.path().equals("/missing")) {
                exchange.respond(HttpProblem.notFound("Nothing at /missing."));
                return;
            }
            String text = "{\"method\":\"" + exchange.method() + "\",\"path\":\"" + exchange.path()
                    + "\",\"token\":\"" + exchange.header(io.helidon.http.HeaderNames.AUTHORIZATION).orElse("")
                    + "\",\"body\":\"" + new String(exchange.body(), StandardCharsets.UTF_8) + "\"}";
            exchange.respond(200, "application/json", text.getBytes(StandardCharsets.UTF_8));
            exchange.responseHeaders().set(io.helidon.http.HeaderNames.create("X-Echo"), "1");
        }

        @Override
        public List<RouteInfo> routes() {
            return List.of();
        }
    };

    private final SpurClient client = SpurClient.inProcess(ECHO);

    @Test
    void requestsReachTheRouterWithTheirMethodPathHeadersAndBody() {
        client.withBearer("t").post("/a/%62").json("x").send()
                .assertStatus(200)
                .assertContentType("application/json")
                .assertHeader("x-echo", "1")
                .assertJson("/method", "POST")
                .assertJson("/path", "/a/b")
                .assertJson("/token", "Bearer t")
                .assertJson("/body", "x");
    }

    @Test
    void problemsAreCheckedByStatusTypeAndDetail() {
        client.get("/missing").send().assertProblem(404).assertProblem(404, "Nothing at");
    }

    @Test
    void assertionsFailWhenTheAnswerDiffers() {
        TestResponse ok = client.get("/x").send();
        assertThrows(AssertionFailedError.class, () -> ok.assertStatus(201));
        assertThrows(AssertionFailedError.class, () -> ok.assertHeader("X-Echo", "2"));
        assertThrows(AssertionFailedError.class, () -> ok.assertJson("/method", "PUT"));
        assertThrows(AssertionFailedError.class, () -> ok.assertJson("/nothing", "x"));
        assertThrows(AssertionFailedError.class, () -> ok.assertProblem(200));
        TestResponse missing = client.get("/missing").send();
        assertThrows(AssertionFailedError.class, () -> missing.assertProblem(404, "something else"));
    }

    @Test
    void aHeadAnswerHasNoBodyInProcessAsOverTheNetwork() {
        TestResponse head = client.head("/x").send().assertStatus(200);
        assertEquals(0, head.bytes().length);
        assertTrue(client.get("/x").send().text().contains("\"method\":\"GET\""));
    }
}
