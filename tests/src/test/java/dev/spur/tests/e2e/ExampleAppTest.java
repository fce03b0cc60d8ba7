package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.assertProblem;
import static dev.spur.tests.e2e.E2e.json;
import static dev.spur.tests.e2e.E2e.jsonBytes;
import static dev.spur.tests.e2e.E2e.jsonType;
import static dev.spur.tests.e2e.E2e.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.example.Main;
import dev.spur.example.SpurRouter;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example bookmarks API, every endpoint over real HTTP, each test against a fresh store. */
class ExampleAppTest {

    private SpurServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        server = Main.start("127.0.0.1", 0);
        http = RawHttp.local(server.port()).withHeader("Authorization", "Bearer " + Main.DEFAULT_TOKEN);
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop();
    }

    private JsonNode create(String url, String title, String... tags) throws IOException {
        RawHttp.Answer answer = http.send("POST", "/bookmarks", jsonType(),
                jsonBytes(Map.of("url", url, "title", title, "tags", List.of(tags))));
        assertEquals(201, answer.status(), answer::text);
        return json(answer);
    }

    private JsonNode getJson(String target) throws IOException {
        RawHttp.Answer answer = http.send("GET", target);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        return json(answer);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<Long> ids(JsonNode bookmarks) {
        return StreamSupport.stream(bookmarks.spliterator(), false).map(b -> b.get("id").asLong()).toList();
    }

    // --- index -------------------------------------------------------------------------------

    @Test
    void theIndexListsEveryRoute() throws IOException {
        JsonNode index = getJson("/");
        assertTrue(index.get("service").asText().contains("bookmarks"), index::toString);
        List<String> routes = strings(index.get("routes"));
        List<String> expected = new ArrayList<>(SpurRouter.routeTable().stream()
                .filter(route -> !route.privateService())
                .map(dev.spur.runtime.RouteInfo::describe).toList());
        assertTrue(routes.stream().noneMatch(r -> r.contains("/audit")), "the index lists private routes: " + routes);
        assertEquals(expected.size(), routes.size());
        assertTrue(routes.containsAll(expected), routes::toString);
        assertTrue(routes.containsAll(List.of("GET /", "GET /bookmarks", "POST /bookmarks", "GET /bookmarks/{id}",
                "PUT /bookmarks/{id}", "DELETE /bookmarks/{id}", "GET /bookmarks/export.csv",
                "POST /bookmarks/{id}/notes", "GET /tags/{*tag}", "PUT /bookmarks/{id}/tags/{*tag}")), routes::toString);
    }

    // --- create and read ---------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationETagAndTheBookmark() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/bookmarks", jsonType(), utf8(
                "{\"url\":\"https://helidon.io\",\"title\":\"  Helidon  \",\"tags\":[\"Java\",\"lang/java\",\"java\"]}"));
        assertEquals(201, answer.status(), answer::text);
        assertEquals("/bookmarks/1", answer.header("Location").orElseThrow());
        assertEquals("\"1\"", answer.header("ETag").orElseThrow());
        assertEquals("application/json", answer.header("Content-Type").orElseThrow());
        assertTrue(answer.header("X-Request-Id").orElseThrow().matches("[0-9a-f-]{36}"), "none sent: one is generated");
        JsonNode bookmark = json(answer);
        assertEquals(1, bookmark.get("id").asLong());
        assertEquals("https://helidon.io", bookmark.get("url").asText());
        assertEquals("Helidon", bookmark.get("title").asText());
        assertEquals(List.of("java", "lang/java"), strings(bookmark.get("tags")));
        assertEquals(1, bookmark.get("version").asLong());
        assertTrue(bookmark.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), bookmark::toString);

        assertEquals(bookmark, getJson("/bookmarks/1"));
    }

    @Test
    void createEchoesTheRequestId() throws IOException {
        RawHttp.Answer answer = http.send("POST", "/bookmarks",
                Map.of("Content-Type", "application/json", "X-Request-Id", "req-77"),
                utf8("{\"url\":\"https://example.org/a\"}"));
        assertEquals(201, answer.status(), answer::text);
        assertEquals("req-77", answer.header("X-Request-Id").orElseThrow());
        JsonNode bookmark = json(answer);
        assertEquals("https://example.org/a", bookmark.get("title").asText(), "the title defaults to the URL");
        assertEquals(0, bookmark.get("tags").size());
    }

    @Test
    void writesWithoutTheTokenAre401AndChangeNothing() throws IOException {
        try (RawHttp anonymous = RawHttp.local(server.port())) {
            RawHttp.Answer refused = anonymous.send("POST", "/bookmarks", jsonType(),
                    utf8("{\"url\":\"https://example.org/anon\"}"));
            assertExactProblem(refused, 401, "The request has no bearer token.");
            assertEquals("Bearer", refused.header("WWW-Authenticate").orElseThrow());
            RawHttp.Answer wrong = anonymous.send("DELETE", "/bookmarks/1", Map.of("Authorization", "Bearer nope"),
                    null);
            assertEquals(401, wrong.status(), wrong::text);
            assertTrue(wrong.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));
            // reads stay open, and nothing was created
            RawHttp.Answer list = anonymous.send("GET", "/bookmarks");
            assertEquals(200, list.status());
            assertEquals(0, json(list).get("total").asInt(), list::text);
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheRouteThatAnsweredIt() throws IOException {
        create("https://example.org/r", "R");
        RawHttp.Answer found = http.send("GET", "/bookmarks/1");
        assertTrue(found.header("X-Request-Id").orElseThrow().matches("[0-9a-f-]{36}"), found.headers()::toString);
        assertEquals("GET /bookmarks/{id}", found.header("X-Route").orElseThrow());
        assertTrue(found.header("Server-Timing").orElseThrow().startsWith("app;dur="));
        RawHttp.Answer missing = http.send("GET", "/no/such/route", Map.of("X-Request-Id", "trace-9"), null);
        assertEquals(404, missing.status());
        assertEquals("trace-9", missing.header("X-Request-Id").orElseThrow());
        assertTrue(missing.header("X-Route").isEmpty(), "no route answered a 404");
    }

    @Test
    void theStoresDomainExceptionsAreMappedTo404And409ByALayer() throws IOException {
        create("https://example.org/d", "D");
        assertExactProblem(http.send("DELETE", "/bookmarks/42"), 404, "There is no bookmark 42.");
        assertExactProblem(http.send("POST", "/bookmarks/42/notes", Map.of("Content-Type", "text/plain"),
                utf8("note")), 404, "There is no bookmark 42.");
        RawHttp.Answer duplicate = http.send("POST", "/bookmarks", jsonType(), utf8("{\"url\":\"https://example.org/d\"}"));
        assertExactProblem(duplicate, 409, "Bookmark /bookmarks/1 already has the URL https://example.org/d.");
        assertEquals("POST /bookmarks", duplicate.header("X-Route").orElseThrow());
    }

    @Test
    void createRejectsInvalidInputWith400() throws IOException {
        assertExactProblem(http.send("POST", "/bookmarks", jsonType(), utf8("{\"title\":\"no url\"}")), 400,
                "Field 'url' is required.");
        assertExactProblem(http.send("POST", "/bookmarks", jsonType(), utf8("{\"url\":\"ftp://example.org\"}")),
                400, "Field 'url' must be an absolute http or https URL.");
        assertProblem(http.send("POST", "/bookmarks", jsonType(),
                utf8("{\"url\":\"https://example.org\",\"tags\":[\"no spaces\"]}")), 400, "Tag 'no spaces' is not valid");
        assertProblem(http.send("POST", "/bookmarks", jsonType(),
                utf8("{\"url\":\"https://example.org\",\"title\":\"" + "t".repeat(201) + "\"}")), 400, "'title'");
        assertEquals(0, getJson("/bookmarks").get("total").asInt(), "nothing was stored");
    }

    @Test
    void createRejectsADuplicateUrlWith409() throws IOException {
        create("https://example.org/dup", "first");
        RawHttp.Answer answer = http.send("POST", "/bookmarks", jsonType(),
                utf8("{\"url\":\"https://example.org/dup\",\"title\":\"second\"}"));
        JsonNode problem = assertExactProblem(answer, 409,
                "Bookmark /bookmarks/1 already has the URL https://example.org/dup.");
        assertEquals("Conflict", problem.get("title").asText());
    }

    @Test
    void aJsonBodySentAsTextIs415() throws IOException {
        assertProblem(http.send("POST", "/bookmarks", Map.of("Content-Type", "text/plain"),
                utf8("{\"url\":\"https://example.org\"}")), 415, "must be JSON");
    }

    @Test
    void invalidJsonIs400() throws IOException {
        assertProblem(http.send("POST", "/bookmarks", jsonType(), utf8("{\"url\": ")), 400, "not valid JSON");
        assertProblem(http.send("POST", "/bookmarks", jsonType(), utf8("[\"https://example.org\"]")), 400,
                "not valid JSON");
    }

    @Test
    void anUnknownBookmarkIs404() throws IOException {
        assertProblem(http.send("GET", "/bookmarks/99"), 404, "There is no bookmark 99.");
    }

    @Test
    void aNonNumericIdIs400NamingTheParameter() throws IOException {
        assertExactProblem(http.send("GET", "/bookmarks/abc"), 400,
                "Path parameter 'id' must be an integer, not 'abc'.");
        assertExactProblem(http.send("DELETE", "/bookmarks/1.5"), 400,
                "Path parameter 'id' must be an integer, not '1.5'.");
        assertExactProblem(http.send("GET", "/bookmarks/x/notes/1"), 400,
                "Path parameter 'id' must be an integer, not 'x'.");
        assertExactProblem(http.send("GET", "/bookmarks/1/notes/y"), 400,
                "Path parameter 'noteId' must be an integer, not 'y'.");
    }

    // --- listing -----------------------------------------------------------------------------

    @Test
    void theListingPagesWithLimitAndOffset() throws IOException {
        for (int i = 1; i <= 5; i++) {
            create("https://example.org/" + i, "Bookmark " + i);
        }
        JsonNode first = getJson("/bookmarks?limit=2");
        assertEquals(List.of(5L, 4L), ids(first.get("items")), "newest first by default");
        assertEquals(5, first.get("total").asInt());
        assertEquals(2, first.get("limit").asInt());
        assertEquals(0, first.get("offset").asInt());
        assertEquals("/bookmarks?sort=newest&limit=2&offset=2", first.get("next").asText());

        JsonNode last = getJson("/bookmarks?limit=2&offset=4");
        assertEquals(List.of(1L), ids(last.get("items")));
        assertTrue(last.get("next").isNull());

        assertEquals(List.of(), ids(getJson("/bookmarks?offset=10").get("items")));
        JsonNode defaults = getJson("/bookmarks");
        assertEquals(20, defaults.get("limit").asInt());
        assertEquals(5, defaults.get("items").size());
    }

    @Test
    void theListingSortsFiltersByTagAndSearches() throws IOException {
        create("https://openjdk.org", "OpenJDK", "lang/java");
        create("https://kotlinlang.org", "Kotlin", "lang/kotlin");
        create("https://helidon.io", "helidon", "web", "lang/java");
        assertEquals(List.of(1L, 2L, 3L), ids(getJson("/bookmarks?sort=oldest").get("items")));
        assertEquals(List.of(3L, 2L, 1L), ids(getJson("/bookmarks?sort=TITLE").get("items")));
        assertEquals(List.of(3L, 1L), ids(getJson("/bookmarks?tag=lang/java").get("items")));
        assertEquals(List.of(3L, 2L, 1L), ids(getJson("/bookmarks?tag=lang").get("items")));
        assertEquals(List.of(2L), ids(getJson("/bookmarks?q=KOTLIN").get("items")));
        assertEquals(List.of(3L), ids(getJson("/bookmarks?q=io&tag=web").get("items")));

        JsonNode firstPage = getJson("/bookmarks?tag=lang&q=s%3A&limit=1&sort=oldest");
        assertEquals(List.of(1L), ids(firstPage.get("items")));
        assertEquals("/bookmarks?tag=lang&q=s%3A&sort=oldest&limit=1&offset=1", firstPage.get("next").asText());
        JsonNode secondPage = getJson(firstPage.get("next").asText());
        assertEquals(List.of(2L), ids(secondPage.get("items")), "the next link keeps the filters");
    }

    @Test
    void badListingParametersAre400NamingThem() throws IOException {
        assertExactProblem(http.send("GET", "/bookmarks?limit=abc"), 400,
                "Query parameter 'limit' must be an integer, not 'abc'.");
        assertExactProblem(http.send("GET", "/bookmarks?limit=0"), 400,
                "Query parameter 'limit' must be between 1 and 100, not 0.");
        assertExactProblem(http.send("GET", "/bookmarks?offset=-1"), 400,
                "Query parameter 'offset' must not be negative.");
        assertExactProblem(http.send("GET", "/bookmarks?sort=random"), 400,
                "Query parameter 'sort' must be one of newest, oldest, title, not 'random'.");
    }

    // --- replace and delete ------------------------------------------------------------------

    @Test
    void replaceAnswersTheNewVersionWithItsETag() throws IOException {
        create("https://example.org/old", "Old");
        RawHttp.Answer answer = http.send("PUT", "/bookmarks/1", jsonType(),
                utf8("{\"url\":\"https://example.org/new\",\"title\":\"New\",\"tags\":[\"b\",\"a\"]}"));
        assertEquals(200, answer.status(), answer::text);
        assertEquals("\"2\"", answer.header("ETag").orElseThrow());
        JsonNode replaced = json(answer);
        assertEquals("https://example.org/new", replaced.get("url").asText());
        assertEquals(List.of("a", "b"), strings(replaced.get("tags")));
        assertEquals(2, replaced.get("version").asLong());
        assertEquals(replaced, getJson("/bookmarks/1"));
    }

    @Test
    void replaceHonoursIfMatch() throws IOException {
        create("https://example.org/x", "X");
        byte[] body = utf8("{\"url\":\"https://example.org/x\",\"title\":\"X2\"}");
        RawHttp.Answer stale = http.send("PUT", "/bookmarks/1",
                Map.of("Content-Type", "application/json", "If-Match", "\"7\""), body);
        assertExactProblem(stale, 412,
                "If-Match does not name the bookmark's current ETag, \"1\"; read it again before changing it.");
        assertEquals("X", getJson("/bookmarks/1").get("title").asText(), "unchanged");

        RawHttp.Answer current = http.send("PUT", "/bookmarks/1",
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""), body);
        assertEquals(200, current.status(), current::text);
        assertEquals("\"2\"", current.header("ETag").orElseThrow());

        RawHttp.Answer any = http.send("PUT", "/bookmarks/1",
                Map.of("Content-Type", "application/json", "If-Match", "*"), body);
        assertEquals(200, any.status(), any::text);
        assertEquals("\"3\"", any.header("ETag").orElseThrow());
    }

    @Test
    void replaceAnUnknownBookmarkIs404AndADuplicateUrlIs409() throws IOException {
        create("https://example.org/one", "One");
        create("https://example.org/two", "Two");
        assertProblem(http.send("PUT", "/bookmarks/9", jsonType(), utf8("{\"url\":\"https://example.org/z\"}")),
                404, "There is no bookmark 9.");
        assertProblem(http.send("PUT", "/bookmarks/2", jsonType(), utf8("{\"url\":\"https://example.org/one\"}")),
                409, "Bookmark /bookmarks/1 already has the URL");
    }

    @Test
    void deleteAnswers204AndTheBookmarkIsGone() throws IOException {
        create("https://example.org/gone", "Gone");
        RawHttp.Answer deleted = http.send("DELETE", "/bookmarks/1");
        assertEquals(204, deleted.status());
        assertEquals(0, deleted.body().length);
        assertProblem(http.send("GET", "/bookmarks/1"), 404, "There is no bookmark 1.");
        assertExactProblem(http.send("DELETE", "/bookmarks/1"), 404, "There is no bookmark 1.");
        assertProblem(http.send("GET", "/bookmarks/1/notes"), 404, "There is no bookmark 1.");
    }

    // --- notes -------------------------------------------------------------------------------

    @Test
    void notesAreAddedAsTextListedReadAndDeleted() throws IOException {
        create("https://example.org/n", "Noted");
        RawHttp.Answer added = http.send("POST", "/bookmarks/1/notes",
                Map.of("Content-Type", "text/plain; charset=UTF-8"), utf8("  Read the \u00abrouting\u00bb part.\n"));
        assertEquals(201, added.status(), added::text);
        assertEquals("/bookmarks/1/notes/1", added.header("Location").orElseThrow());
        JsonNode note = json(added);
        assertEquals(1, note.get("id").asLong());
        assertEquals(1, note.get("bookmarkId").asLong());
        assertEquals("Read the \u00abrouting\u00bb part.", note.get("text").asText());

        http.send("POST", "/bookmarks/1/notes", Map.of("Content-Type", "text/plain"), utf8("second"));
        JsonNode notes = getJson("/bookmarks/1/notes");
        assertEquals(List.of(1L, 2L), ids(notes));
        assertEquals(note, getJson("/bookmarks/1/notes/1"));

        assertEquals(204, http.send("DELETE", "/bookmarks/1/notes/1").status());
        assertEquals(List.of(2L), ids(getJson("/bookmarks/1/notes")));
        assertProblem(http.send("GET", "/bookmarks/1/notes/1"), 404, "does not exist");
        assertExactProblem(http.send("DELETE", "/bookmarks/1/notes/1"), 404, "Bookmark 1 has no note 1.");
    }

    @Test
    void aBlankNoteIs400AndANoteOnAnUnknownBookmarkIs404() throws IOException {
        create("https://example.org/n", "Noted");
        assertProblem(http.send("POST", "/bookmarks/1/notes", Map.of("Content-Type", "text/plain"), utf8("  ")),
                400, "A note needs some text");
        assertExactProblem(http.send("POST", "/bookmarks/5/notes", Map.of("Content-Type", "text/plain"),
                utf8("hello")), 404, "There is no bookmark 5.");
    }

    // --- tags --------------------------------------------------------------------------------

    @Test
    void hierarchicalTagsTravelInACatchAll() throws IOException {
        create("https://openjdk.org", "OpenJDK", "lang/java");
        create("https://kotlinlang.org", "Kotlin");

        RawHttp.Answer tagged = http.send("PUT", "/bookmarks/2/tags/lang/kotlin");
        assertEquals(200, tagged.status(), tagged::text);
        JsonNode kotlin = json(tagged);
        assertEquals(List.of("lang/kotlin"), strings(kotlin.get("tags")));
        assertEquals(2, kotlin.get("version").asLong());
        assertEquals(2, json(http.send("PUT", "/bookmarks/2/tags/lang/kotlin")).get("version").asLong(),
                "tagging twice changes nothing");

        assertEquals(List.of(1L, 2L), ids(getJson("/tags/lang")));
        assertEquals(List.of(1L), ids(getJson("/tags/lang/java")));
        assertEquals(List.of(1L), ids(getJson("/tags/lang%2Fjava")), "an encoded slash is the same tag");
        assertEquals(List.of(), ids(getJson("/tags/web")));

        JsonNode counts = getJson("/tags");
        assertEquals(2, counts.size());
        assertEquals("lang/java", counts.get(0).get("tag").asText());
        assertEquals(1, counts.get(0).get("bookmarks").asInt());
        assertEquals("lang/kotlin", counts.get(1).get("tag").asText());

        RawHttp.Answer untagged = http.send("DELETE", "/bookmarks/2/tags/lang/kotlin");
        assertEquals(204, untagged.status());
        assertEquals(List.of(), strings(getJson("/bookmarks/2").get("tags")));
    }

    @Test
    void badTagsAre400AndUnknownBookmarks404() throws IOException {
        create("https://example.org", "Example");
        assertProblem(http.send("PUT", "/bookmarks/1/tags/no%20spaces"), 400, "Tag 'no spaces' is not valid");
        assertProblem(http.send("GET", "/tags/a//b"), 400, "Tag 'a//b' is not valid");
        assertProblem(http.send("PUT", "/bookmarks/7/tags/x"), 404, "does not exist");
        assertExactProblem(http.send("DELETE", "/bookmarks/7/tags/x"), 404, "There is no bookmark 7.");
        assertProblem(http.send("GET", "/tags/"), 404, "No route matches");
    }

    // --- export ------------------------------------------------------------------------------

    @Test
    void exportIsCsvAndItsLiteralPathBeatsTheIdParameter() throws IOException {
        create("https://example.org/a", "Plain", "x");
        create("https://example.org/b", "Comma, \"quoted\"", "y", "z");
        RawHttp.Answer answer = http.send("GET", "/bookmarks/export.csv");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("text/csv; charset=UTF-8", answer.header("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"bookmarks.csv\"", answer.header("Content-Disposition").orElseThrow());
        assertEquals("id,url,title,tags\r\n"
                + "1,https://example.org/a,Plain,x\r\n"
                + "2,https://example.org/b,\"Comma, \"\"quoted\"\"\",y z\r\n", answer.text());
    }

    // --- HTTP method handling ----------------------------------------------------------------

    @Test
    void aWrongMethodIs405WithAllow() throws IOException {
        create("https://example.org", "Example");
        RawHttp.Answer patch = http.send("PATCH", "/bookmarks/1");
        assertProblem(patch, 405, "see the Allow header");
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", patch.header("Allow").orElseThrow());
        RawHttp.Answer delete = http.send("DELETE", "/bookmarks");
        assertEquals(405, delete.status());
        assertEquals("GET, HEAD, OPTIONS, POST", delete.header("Allow").orElseThrow());
        RawHttp.Answer post = http.send("POST", "/");
        assertEquals(405, post.status());
        assertEquals("GET, HEAD, OPTIONS", post.header("Allow").orElseThrow());
    }

    @Test
    void optionsIs204WithAllow() throws IOException {
        RawHttp.Answer item = http.send("OPTIONS", "/bookmarks/1");
        assertEquals(204, item.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", item.header("Allow").orElseThrow());
        RawHttp.Answer notes = http.send("OPTIONS", "/bookmarks/1/notes");
        assertEquals(204, notes.status());
        assertEquals("GET, HEAD, OPTIONS, POST", notes.header("Allow").orElseThrow());
        RawHttp.Answer tags = http.send("OPTIONS", "/bookmarks/1/tags/a/b");
        assertEquals("DELETE, OPTIONS, PUT", tags.header("Allow").orElseThrow());
        assertEquals(404, http.send("OPTIONS", "/nothing/here").status());
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws IOException {
        create("https://example.org/a", "A", "x");
        RawHttp.Answer get = http.send("GET", "/bookmarks/export.csv");
        RawHttp.Answer head = http.send("HEAD", "/bookmarks/export.csv");
        assertEquals(200, head.status());
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        assertEquals(get.header("Content-Disposition"), head.header("Content-Disposition"));

        RawHttp.Answer headJson = http.send("HEAD", "/bookmarks/1");
        assertEquals(200, headJson.status());
        assertEquals("application/json", headJson.header("Content-Type").orElseThrow());
        RawHttp.Answer headMissing = http.send("HEAD", "/bookmarks/2");
        assertEquals(404, headMissing.status());
        assertEquals("application/problem+json", headMissing.header("Content-Type").orElseThrow());

        JsonNode after = getJson("/bookmarks/1");
        assertEquals("A", after.get("title").asText(), "no HEAD body was left on the connection");
    }

    @Test
    void anUnknownMethodIs405OnARouteAnd404Elsewhere() throws IOException {
        RawHttp.Answer foo = http.send("FOO", "/bookmarks/1");
        assertEquals(405, foo.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", foo.header("Allow").orElseThrow());
        assertEquals(404, http.send("FOO", "/nothing").status());
    }

    @Test
    void unknownPathsAre404AndUnsafePaths400() throws IOException {
        assertProblem(http.send("GET", "/nothing"), 404, "No route matches the request path.");
        assertProblem(http.send("GET", "/bookmarks/"), 404, "No route matches the request path.");
        assertEquals(400, http.send("GET", "/bookmarks/%zz").status());
        assertProblem(http.send("GET", "/bookmarks/../tags"), 400, "'.' or '..' segments");
        assertFalse(http.send("GET", "/tags").text().isEmpty());
    }
}
