package dev.spur.example;

import static dev.spur.example.TestApp.assertNoDriverText;
import static dev.spur.example.TestApp.awaitHeldUp;
import static dev.spur.example.TestApp.json;
import static dev.spur.example.TestApp.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.example.bookmarks.Bookmark;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.Note;
import dev.spur.example.bookmarks.SqlBookmarkStore;
import dev.spur.example.bookmarks.TagCount;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.Transactional;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Transactions and concurrent changes of the example app over real HTTP, on the embedded H2
 * database and on a real PostgreSQL server this suite starts itself (a server that cannot start
 * fails the suite, it never skips): what a write route did stays only when it answers 2xx; a
 * unique violation is a 409 even when the check before the insert could not see the other row;
 * concurrent writers of one bookmark each get a version of their own; a read never pairs one
 * version with another's tags; input is never SQL.
 */
class SqlTransactionsTest {

    @TempDir
    static Path dir;

    private static TestPostgres postgres;
    private static final AtomicInteger FILES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.shared();
    }

    /** A fresh, empty database of {@code kind}: its own H2 file, or its own PostgreSQL database. */
    private static DatabaseSettings fresh(String kind) throws SQLException {
        return kind.equals("h2")
                ? DatabaseSettings.embedded(dir.resolve("bookmarks" + FILES.incrementAndGet()))
                : postgres.settings(postgres.createDatabase());
    }

    /** A connection of the test's own to the database of {@code settings}, outside the app's pool. */
    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /**
     * The SQL store, which does every write it is asked for and then, when told to, spoils the
     * route's answer: a create of a URL that contains {@code /then-throw} throws (a 500), of one
     * that contains {@code /then-conflict} claims a duplicate (DomainErrors' 409); a replace with
     * such a URL containing {@code /then-412} claims a failed precondition (the handler's own 412
     * problem); a delete of an id in {@link #spoiledDeletes} says there was none (a 404).
     */
    private static final class SpoilingStore implements BookmarkStore {
        private final BookmarkStore sql;
        final Set<Long> spoiledDeletes = ConcurrentHashMap.newKeySet();

        SpoilingStore(BookmarkStore sql) {
            this.sql = sql;
        }

        @Override
        public Bookmark create(String url, String title, List<String> tags) {
            Bookmark created = sql.create(url, title, tags);
            if (url.contains("/then-throw")) {
                throw new IllegalStateException("spoiled after the insert of " + created.id());
            }
            if (url.contains("/then-conflict")) {
                throw new DuplicateUrlException(created.id(), url);
            }
            return created;
        }

        @Override
        public Optional<Bookmark> replace(long id, Predicate<Bookmark> precondition, String url, String title,
                                          List<String> tags) {
            Optional<Bookmark> replaced = sql.replace(id, precondition, url, title, tags);
            if (url.contains("/then-412") && replaced.isPresent()) {
                throw new PreconditionFailedException(replaced.get());
            }
            return replaced;
        }

        @Override
        public boolean delete(long id) {
            return sql.delete(id) && !spoiledDeletes.contains(id);
        }

        @Override
        public Optional<Bookmark> find(long id) {
            return sql.find(id);
        }

        @Override
        public List<Bookmark> all() {
            return sql.all();
        }

        @Override
        public Optional<Bookmark> addTag(long id, String tag) {
            return sql.addTag(id, tag);
        }

        @Override
        public Optional<Bookmark> removeTag(long id, String tag) {
            return sql.removeTag(id, tag);
        }

        @Override
        public List<TagCount> tagCounts() {
            return sql.tagCounts();
        }

        @Override
        public Optional<Note> addNote(long bookmarkId, String text) {
            return sql.addNote(bookmarkId, text);
        }

        @Override
        public Optional<List<Note>> notes(long bookmarkId) {
            return sql.notes(bookmarkId);
        }

        @Override
        public Optional<Note> note(long bookmarkId, long noteId) {
            return sql.note(bookmarkId, noteId);
        }

        @Override
        public boolean deleteNote(long bookmarkId, long noteId) {
            return sql.deleteNote(bookmarkId, noteId);
        }
    }

    /**
     * The generated router with the app's real handlers and layers ({@code @Layer(Transactional.class)}
     * on every write route, given through the builder), over a store that spoils answers after it
     * wrote: an exception (500), a problem the handler throws (412), problems a layer outside the
     * transaction makes of the store's exceptions (409, 404) all leave the database as it was; the
     * same routes answering 2xx commit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteRouteCommitsOnA2xxAndRollsBackOnAProblemOrAnException(String kind) throws Exception {
        SpoilingStore[] store = new SpoilingStore[1];
        try (TestApp app = TestApp.start(fresh(kind), db -> {
            store[0] = new SpoilingStore(new SqlBookmarkStore(db));
            return SpurServer.builder(Main.router(store[0], WriteAccess.token(TestApp.TOKEN), Transactional.over(db)));
        })) {
            HttpResponse<String> kept = app.send("POST", "/bookmarks",
                    "{\"url\":\"https://kept.example\",\"title\":\"Kept\",\"tags\":[\"a\"]}");
            assertEquals(201, kept.statusCode(), kept.body());

            HttpResponse<String> thrown = app.send("POST", "/bookmarks",
                    "{\"url\":\"https://x.example/then-throw\",\"tags\":[\"from-the-500\"]}");
            assertEquals(500, thrown.statusCode(), thrown.body());
            assertFalse(thrown.body().contains("spoiled"), thrown.body());

            HttpResponse<String> conflict = app.send("POST", "/bookmarks",
                    "{\"url\":\"https://x.example/then-conflict\",\"tags\":[\"from-the-409\"]}");
            assertEquals(409, conflict.statusCode(), conflict.body());
            assertEquals("application/problem+json", conflict.headers().firstValue("Content-Type").orElseThrow());

            HttpResponse<String> list = app.send("GET", "/bookmarks", null);
            assertEquals(1, json(list).path("total").asInt(), list.body());
            assertEquals("[{\"tag\":\"a\",\"bookmarks\":1}]", app.send("GET", "/tags", null).body());

            HttpResponse<String> precondition = app.send("PUT", "/bookmarks/1",
                    "{\"url\":\"https://kept.example/then-412\",\"title\":\"Changed\",\"tags\":[\"b\"]}");
            assertEquals(412, precondition.statusCode(), precondition.body());
            assertUnchanged(app, "https://kept.example", "Kept", "a", 1);

            store[0].spoiledDeletes.add(1L);
            HttpResponse<String> missing = app.send("DELETE", "/bookmarks/1", null);
            assertEquals(404, missing.statusCode(), missing.body());
            assertUnchanged(app, "https://kept.example", "Kept", "a", 1);
            store[0].spoiledDeletes.clear();

            // the same routes, answering 2xx, commit
            HttpResponse<String> replaced = app.send("PUT", "/bookmarks/1",
                    "{\"url\":\"https://kept.example/v2\",\"title\":\"Changed\",\"tags\":[\"b\"]}");
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertUnchanged(app, "https://kept.example/v2", "Changed", "b", 2);
            assertEquals(204, app.send("DELETE", "/bookmarks/1", null).statusCode());
            assertEquals(404, app.send("GET", "/bookmarks/1", null).statusCode());
            assertEquals(0, json(app.send("GET", "/bookmarks", null)).path("total").asInt());
        }
    }

    private static void assertUnchanged(TestApp app, String url, String title, String tag, long version) {
        HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode bookmark = json(read);
        assertEquals(url, bookmark.path("url").asText(), read.body());
        assertEquals(title, bookmark.path("title").asText(), read.body());
        assertEquals("[\"" + tag + "\"]", bookmark.path("tags").toString(), read.body());
        assertEquals(version, bookmark.path("version").asLong(), read.body());
    }

    /**
     * Another transaction inserts a URL and has not committed when the app checks for it: the app's
     * insert (POST) or update (PUT) waits on the unique constraint and fails when the other
     * commits. That violation, not the check, is what answers: a 409 problem, no driver text, and
     * nothing of the failed request written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUniqueViolationTheCheckCouldNotSeeIsA409(String kind) throws Exception {
        DatabaseSettings settings = fresh(kind);
        try (TestApp app = TestApp.start(settings);
             Connection other = connect(settings);
             Connection observer = connect(settings);
             ExecutorService clients = Executors.newCachedThreadPool()) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://mine.example\"}").statusCode());
            other.setAutoCommit(false);

            update(other, "INSERT INTO bookmark (url, title, version, created) VALUES (?, ?, 1, ?)",
                    "https://race.example/a", "Theirs", "2026-01-01T00:00:00Z");
            Future<HttpResponse<String>> post = clients.submit(() -> app.send("POST", "/bookmarks",
                    "{\"url\":\"https://race.example/a\",\"tags\":[\"lost\"]}"));
            awaitHeldUp(observer, 1, "INSERT INTO bookmark ");
            other.commit();
            HttpResponse<String> created = post.get();
            assertEquals(409, created.statusCode(), created.body());
            assertEquals("application/problem+json", created.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(created.body().contains("https://race.example/a"), created.body());
            assertNoDriverText(created);

            update(other, "INSERT INTO bookmark (url, title, version, created) VALUES (?, ?, 1, ?)",
                    "https://race.example/b", "Theirs", "2026-01-01T00:00:00Z");
            Future<HttpResponse<String>> put = clients.submit(() -> app.send("PUT", "/bookmarks/1",
                    "{\"url\":\"https://race.example/b\",\"tags\":[\"lost\"]}"));
            awaitHeldUp(observer, 1, "UPDATE bookmark ");
            other.commit();
            HttpResponse<String> replaced = put.get();
            assertEquals(409, replaced.statusCode(), replaced.body());
            assertNoDriverText(replaced);

            HttpResponse<String> mine = app.send("GET", "/bookmarks/1", null);
            assertEquals("https://mine.example", json(mine).path("url").asText(), mine.body());
            assertEquals(1, json(mine).path("version").asLong(), mine.body());
            assertEquals("[]", app.send("GET", "/tags", null).body());
            assertEquals(3, json(app.send("GET", "/bookmarks", null)).path("total").asInt());
        }
    }

    /** Many clients create the same URL at once: one 201, every other a 409 problem, one bookmark. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentCreatesOfOneUrlMakeOneBookmark(String kind) throws Exception {
        int clients = 16;
        try (TestApp app = TestApp.start(fresh(kind));
             ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int round = 0; round < 5; round++) {
                String url = "https://same.example/" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return app.send("POST", "/bookmarks", "{\"url\":\"" + url + "\",\"tags\":[\"t\"]}");
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    if (response.statusCode() == 201) {
                        created++;
                    } else {
                        assertEquals(409, response.statusCode(), response.body());
                        assertNoDriverText(response);
                    }
                }
                assertEquals(1, created, url);
            }
            HttpResponse<String> list = app.send("GET", "/bookmarks", null);
            assertEquals(5, json(list).path("total").asInt(), list.body());
            assertEquals("[{\"tag\":\"t\",\"bookmarks\":5}]", app.send("GET", "/tags", null).body());
        }
    }

    /**
     * Many clients replace one bookmark at once without {@code If-Match}: each change applies on top
     * of the one before and answers with a version (ETag) of its own, so no client is told its
     * change is the current state when another one's silently replaced it; the bookmark ends as the
     * change with the highest version left it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentUnconditionalPutsEachGetAVersionOfTheirOwn(String kind) throws Exception {
        int clients = 12;
        int each = 5;
        try (TestApp app = TestApp.start(fresh(kind));
             ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://shared.example\"}").statusCode());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<HttpResponse<String>>>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    start.await();
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        answers.add(app.send("PUT", "/bookmarks/1", "{\"url\":\"https://shared.example\",\"title\":\"c"
                                + client + "-" + i + "\",\"tags\":[\"c" + client + "\"]}"));
                    }
                    return answers;
                }));
            }
            start.countDown();
            Map<Long, JsonNode> byVersion = new HashMap<>();
            for (Future<List<HttpResponse<String>>> f : done) {
                for (HttpResponse<String> put : f.get()) {
                    assertEquals(200, put.statusCode(), put.body());
                    long version = json(put).path("version").asLong();
                    assertEquals("\"" + version + "\"", put.headers().firstValue("ETag").orElseThrow());
                    assertEquals(null, byVersion.put(version, json(put)), "version " + version + " answered twice");
                }
            }
            long last = 1L + clients * each;
            assertEquals(new TreeSet<>(Stream.iterate(2L, v -> v + 1).limit(clients * each).toList()),
                    new TreeSet<>(byVersion.keySet()));
            HttpResponse<String> end = app.send("GET", "/bookmarks/1", null);
            assertEquals(byVersion.get(last), json(end), end.body());
        }
    }

    /**
     * A writer alternates a bookmark between two states, tags {@code a, a2} at odd versions and
     * {@code b, b2} at even ones, while readers read it, alone and in the list: every read pairs a
     * version with its own tags (and an ETag, where the route sends one, names that version).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReadNeverPairsOneVersionWithAnothersTags(String kind) throws Exception {
        try (TestApp app = TestApp.start(fresh(kind));
             ExecutorService pool = Executors.newFixedThreadPool(5)) {
            assertEquals(201, app.send("POST", "/bookmarks",
                    "{\"url\":\"https://flip.example\",\"tags\":[\"a\",\"a2\"]}").statusCode());
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> torn = new CopyOnWriteArrayList<>();
            AtomicInteger reads = new AtomicInteger();
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int k = 1; k <= 120; k++) {
                        String tags = k % 2 == 1 ? "\"b\",\"b2\"" : "\"a\",\"a2\"";
                        HttpResponse<String> put = app.send("PUT", "/bookmarks/1",
                                "{\"url\":\"https://flip.example\",\"tags\":[" + tags + "]}");
                        assertEquals(200, put.statusCode(), put.body());
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                boolean list = r % 2 == 1;
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        HttpResponse<String> read = app.send("GET", list ? "/bookmarks" : "/bookmarks/1", null);
                        assertEquals(200, read.statusCode(), read.body());
                        JsonNode bookmark = list ? json(read).path("items").path(0) : json(read);
                        long version = bookmark.path("version").asLong();
                        String expected = version % 2 == 1 ? "[\"a\",\"a2\"]" : "[\"b\",\"b2\"]";
                        if (!bookmark.path("tags").toString().equals(expected)
                                || !read.headers().firstValue("ETag").map(("\"" + version + "\"")::equals).orElse(true)) {
                            torn.add(read.headers().firstValue("ETag").orElse("") + " " + read.body());
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
            assertTrue(torn.isEmpty(), () -> torn.size() + " of " + reads + " reads torn, such as " + torn.get(0));
            assertTrue(reads.get() > 0);
        }
    }

    /** Quotes, semicolons and comment markers in input are stored and read back as they were. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sqlInInputIsData(String kind) throws Exception {
        String title = "Robert'); DROP TABLE bookmark; --";
        String url = "https://x.example/it's;--";
        String note = "'; DELETE FROM note WHERE '1'='1";
        try (TestApp app = TestApp.start(fresh(kind))) {
            HttpResponse<String> created = app.send("POST", "/bookmarks",
                    "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"tags\":[\"x\"]}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(201, app.send("POST", "/bookmarks/1/notes", note, "Content-Type", "text/plain")
                    .statusCode());
            HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
            assertEquals(title, json(read).path("title").asText(), read.body());
            assertEquals(url, json(read).path("url").asText(), read.body());
            assertEquals(note, json(app.send("GET", "/bookmarks/1/notes", null)).path(0).path("text").asText());
            HttpResponse<String> search = app.send("GET", "/bookmarks?q="
                    + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), null);
            assertEquals(0, json(search).path("total").asInt(), search.body());
            HttpResponse<String> duplicate = app.send("POST", "/bookmarks", "{\"url\":\"" + url + "\"}");
            assertEquals(409, duplicate.statusCode(), duplicate.body());
            assertEquals(1, json(app.send("GET", "/bookmarks", null)).path("total").asInt());
        }
    }

    /**
     * Every statement the app prepares is a constant: the argument of each {@code prepareStatement}
     * is string literals only (joined by {@code +}), and no plain {@code Statement} executes SQL, so
     * no SQL is ever built from input.
     */
    @Test
    void everyStatementOfTheAppIsAConstant() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int prepared = 0;
        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            String text = Files.readString(source);
            for (String forbidden : new String[] {"createStatement(", "prepareCall(", ".addBatch(\"", "nativeSQL("}) {
                if (text.contains(forbidden)) {
                    violations.add(source + ": " + forbidden);
                }
            }
            int at = 0;
            while ((at = text.indexOf("prepareStatement(", at)) >= 0) {
                at += "prepareStatement(".length();
                String argument = firstArgument(text, at);
                if (!argument.matches("\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*\\s*")) {
                    violations.add(source + ": prepareStatement(" + argument.strip() + ")");
                }
                prepared++;
            }
        }
        assertTrue(prepared >= 10, "found only " + prepared + " statements: is this the example app's source?");
        assertEquals(List.of(), violations);
    }

    /** The text from {@code from} to the first {@code ,} or {@code )} outside a string literal. */
    private static String firstArgument(String text, int from) {
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ',' || c == ')') {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }
}
