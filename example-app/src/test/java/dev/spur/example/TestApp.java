package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The example app over a real database on a free loopback port, and an HTTP client for it. A
 * request that gets no answer within 30 s fails the test ({@link java.net.http.HttpTimeoutException}):
 * the app must answer, never hang.
 *
 * @param db     the app's database (pool and migrations)
 * @param server the running server
 */
record TestApp(Database db, SpurServer server) implements AutoCloseable {

    static final String TOKEN = "db-test-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The app as {@code Main} builds it (SQL store, transactions, readiness check) over {@code settings}. */
    static TestApp start(DatabaseSettings settings) {
        return start(settings, db -> Main.builder(db, WriteAccess.token(TOKEN)));
    }

    /** The app that {@code builder} makes over the database of {@code settings}. */
    static TestApp start(DatabaseSettings settings, Function<Database, SpurServer.Builder> builder) {
        Database db = Database.start(settings);
        try {
            return new TestApp(db, builder.apply(db).host("127.0.0.1").port(0).listener("admin", 0).start());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Sends a request; writes carry the API token, a body is JSON unless {@code headers} give a
     * {@code Content-Type}; {@code headers} are name, value pairs.
     */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The readiness status code ({@code /observe/health/ready}). */
    int readiness() {
        return send("GET", "/observe/health/ready", null).statusCode();
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }

    /** The body as JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /**
     * {@code response} is a 503 problem with {@code Retry-After}, and says nothing of the driver,
     * the SQL or the database product.
     */
    static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                response.headers().toString());
        assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"),
                response.headers().toString());
        assertEquals(503, json(response).path("status").asInt(), response.body());
        assertNoDriverText(response);
    }

    /** The body names no driver, SQL, SQLState or database product. */
    static void assertNoDriverText(HttpResponse<String> response) {
        String body = response.body().toLowerCase(Locale.ROOT);
        for (String word : new String[] {"sql", "postgres", "h2", "jdbc", "hikari", "psql", "exception",
                "constraint", "23505", "bookmark_url_unique"}) {
            assertFalse(body.contains(word), "'" + word + "' in " + response.body());
        }
    }

    /**
     * Waits until {@code count} sessions of the database at {@code settings} are running a
     * statement that starts with {@code statementPrefix} (held up by a lock the test holds);
     * seen through {@code observer}, a connection of the test's own in auto-commit mode (not the
     * one holding the lock). Fails after 30 s.
     */
    static void awaitHeldUp(Connection observer, int count, String statementPrefix) throws Exception {
        boolean postgres = observer.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String query = postgres
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement select = observer.prepareStatement(query)) {
                select.setString(1, statementPrefix + "%");
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    seen = rs.getInt(1);
                }
            }
            if (seen == count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " sessions held up in '" + statementPrefix + "...', saw " + seen);
    }

    /** Runs {@code sql} with {@code values} on {@code c}. */
    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }
}
