package dev.spur.example;

import static dev.spur.example.TestApp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example app as the README runs it: {@code dev.spur.example.Main} in a JVM of its own, its
 * configuration from {@code application.yaml} and the environment only. By default its bookmarks
 * are in an H2 file database under {@code ./data}, and they survive the process being stopped, and
 * being killed; with the README's {@code DB_*} environment variables they are in PostgreSQL.
 */
class MainProcessTest {

    private static final String TOKEN = "process-token";
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** {@code Main} running in a JVM of its own, in {@code home}, on a free port. */
    private record App(Process process, int port, Path log) implements AutoCloseable {

        static App start(Path home, Map<String, String> environment) throws Exception {
            Files.createDirectories(home);
            Path log = Files.createTempFile(home.getParent(), "main", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "0", "0")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("SERVER_"));
            builder.environment().put("SPUR_API_TOKEN", TOKEN);
            builder.environment().putAll(environment);
            Process process = builder.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                if (listening.find()) {
                    return new App(process, Integer.parseInt(listening.group(1)), log);
                }
                if (!process.isAlive()) {
                    throw new AssertionError("Main exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("Main did not start within 60 s:\n" + Files.readString(log));
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (!method.equals("GET")) {
                request.header("Authorization", "Bearer " + TOKEN);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        /** SIGKILL: no shutdown hook, nothing flushed or closed. */
        void kill() throws Exception {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed");
        }

        /** SIGTERM: the shutdown hook stops the server and closes the database. */
        void stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped");
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * No configuration: the bookmarks go to {@code ./data/bookmarks.mv.db}, and a bookmark
     * acknowledged (201) is there after the process is killed (SIGKILL) straight after. (A clean
     * stop and start: {@code SqlStoreTest.theEmbeddedDatabaseKeepsItsDataOverARestart}.)
     */
    @Test
    void byDefaultTheBookmarksAreInAnH2FileAndSurviveAKill() throws Exception {
        Path home = dir.resolve("home");
        try (App first = App.start(home, Map.of())) {
            assertTrue(first.output().contains("jdbc:h2:file:./data/bookmarks"), first.output());
            HttpResponse<String> created = first.send("POST", "/bookmarks",
                    "{\"url\":\"https://kept.example\",\"title\":\"Kept\",\"tags\":[\"x\"]}");
            assertEquals(201, created.statusCode(), created.body());
            first.kill();
        }
        assertTrue(Files.isRegularFile(home.resolve("data/bookmarks.mv.db")));
        try (App second = App.start(home, Map.of())) {
            HttpResponse<String> read = second.send("GET", "/bookmarks/1", null);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("Kept", json(read).path("title").asText(), read.body());
            assertEquals("[\"x\"]", json(read).path("tags").toString(), read.body());
            assertEquals(200, second.send("GET", "/observe/health/ready", null).statusCode());
            second.stop();   // SIGTERM: the shutdown hook stops the server and closes the database
        }
    }

    /**
     * The README's PostgreSQL configuration: {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}
     * (and the pool and statement keys) from the environment put the bookmarks in PostgreSQL, and
     * nothing under {@code ./data}.
     */
    @Test
    void theDocumentedEnvironmentVariablesPutTheBookmarksInPostgresql() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        Path home = dir.resolve("home-pg");
        try (App app = App.start(home, Map.of(
                "DB_URL", postgres.url(database),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "DB_POOL_SIZE", "3",
                "DB_POOL_TIMEOUT", "PT1S",
                "DB_STATEMENT_TIMEOUT", "PT5S"))) {
            assertTrue(app.output().contains("jdbc:postgresql://localhost:"), app.output());
            HttpResponse<String> created = app.send("POST", "/bookmarks",
                    "{\"url\":\"https://in-postgres.example\",\"tags\":[\"pg\"]}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(200, app.send("GET", "/observe/health/ready", null).statusCode());
            app.stop();
        }
        List<String> urls = new ArrayList<>();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT url FROM bookmark")) {
            while (rs.next()) {
                urls.add(rs.getString(1));
            }
        }
        assertEquals(List.of("https://in-postgres.example"), urls);
        assertFalse(Files.exists(home.resolve("data")), "no H2 database beside PostgreSQL");
    }
}
