package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import dev.spur.testing.SpurClient;
import dev.spur.testing.SpurExtension;
import dev.spur.testing.TestResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example app's own tests, written with Spur's test kit: the same scenarios run in process (on
 * the exchange, no socket) and on a real port, and must give the same answers.
 */
class BookmarksApiTest {

    private static final String TOKEN = "test-token";

    /** One scenario, whichever way the app runs. */
    abstract static class Scenarios {

        abstract SpurClient client();

        @Test
        void aBookmarkIsCreatedReadAndDeleted() {
            SpurClient writer = client().withBearer(TOKEN);
            TestResponse created = writer.post("/bookmarks")
                    .json("{\"url\":\"https://helidon.io\",\"title\":\"Helidon\",\"tags\":[\"java\"]}")
                    .send()
                    .assertStatus(201)
                    .assertHeader("Location", "/bookmarks/1")
                    .assertHeader("ETag", "\"1\"")
                    .assertJson("/title", "Helidon");
            assertTrue(created.header("X-Request-Id").isPresent(), created::toString);
            client().get("/bookmarks/1").send()
                    .assertStatus(200)
                    .assertContentType("application/json")
                    .assertJson("/tags/0", "java")
                    .assertHeader("X-Route", "GET /bookmarks/{id}")
                    .assertHeader("ETag", "\"1\"");
            writer.delete("/bookmarks/1").send().assertStatus(204);
            client().get("/bookmarks/1").send().assertProblem(404);
        }

        @Test
        void writesNeedTheTokenAndBadInputIsAProblem() {
            client().post("/bookmarks").json("{\"url\":\"https://a.example\"}").send()
                    .assertProblem(401, "bearer token")
                    .assertHeader("WWW-Authenticate", "Bearer");
            client().get("/bookmarks/abc").send().assertProblem(400, "must be an integer");
            client().withBearer(TOKEN).post("/bookmarks").json("{\"url\": ").send().assertProblem(400);
            client().get("/bookmarks").send().assertStatus(200).assertJson("/total", 0);
        }

        @Test
        void aDuplicateUrlIsAConflict() {
            SpurClient writer = client().withBearer(TOKEN);
            writer.post("/bookmarks").json("{\"url\":\"https://a.example\"}").send().assertStatus(201);
            writer.post("/bookmarks").json("{\"url\":\"https://a.example\"}").send()
                    .assertProblem(409, "already has the URL https://a.example");
        }

        @Test
        void theRequestIdIsKept() {
            client().get("/no/such/page").header("X-Request-Id", "trace-1").send()
                    .assertProblem(404)
                    .assertHeader("X-Request-Id", "trace-1");
        }
    }

    @Nested
    class InProcess extends Scenarios {
        @RegisterExtension
        final SpurExtension app = SpurExtension.inProcess(
                () -> Main.router(new InMemoryBookmarkStore(), WriteAccess.token(TOKEN)));

        @Override
        SpurClient client() {
            return app.client();
        }
    }

    @Nested
    class OnAPort extends Scenarios {
        @RegisterExtension
        final SpurExtension app = SpurExtension.onPort(
                () -> SpurServer.builder(Main.router(new InMemoryBookmarkStore(), WriteAccess.token(TOKEN))));

        @Override
        SpurClient client() {
            return app.client();
        }

        @Test
        void theServerIsReallyListening() {
            assertTrue(app.server().port() > 0);
        }
    }

    @Nested
    class ClientAsAParameter {
        @RegisterExtension
        final SpurExtension app = SpurExtension.inProcess(
                () -> Main.router(new InMemoryBookmarkStore(), WriteAccess.token(TOKEN)));

        @Test
        void theExtensionHandsTheTestItsClient(SpurClient client) {
            client.get("/about").header("Accept", "text/plain").send()
                    .assertStatus(200)
                    .assertContentType("text/plain");
            assertEquals(0, client.get("/bookmarks").send().json().path("total").asInt());
        }
    }
}
