package dev.spur.example;

import static dev.spur.example.TestApp.assertUnavailable;
import static dev.spur.example.TestApp.awaitHeldUp;
import static dev.spur.example.TestApp.json;
import static dev.spur.example.TestApp.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.db.DatabaseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The example app when its database fails, over real HTTP: no free connection, a statement held up
 * past its bound, a frozen PostgreSQL server and a killed one. Every request is answered (a client
 * that waits 30 s fails the test): a 503 problem with {@code Retry-After} while the database cannot
 * serve, readiness down meanwhile, and everything back, without a restart, once it can.
 *
 * <p>The waits are proven bounded by order, not by clocks: each 503 arrives while what holds the
 * database up (a lock, a stopped server) is still held, so it cannot have come from the database
 * recovering.
 */
class DatabaseOutageTest {

    @TempDir
    static Path dir;

    private static TestPostgres postgres;
    private static final AtomicInteger FILES = new AtomicInteger();

    /** A server of this class's own, for the tests that freeze or kill it; each takes a database of its own. */
    private static TestPostgres victim;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.shared();
        victim = TestPostgres.start(dir.resolve("pg-victim"));
    }

    @AfterAll
    static void stopVictim() throws IOException {
        if (victim != null) {
            victim.close();
        }
    }

    /** A fresh database of {@code kind}; H2 lock waits end after {@code h2LockTimeout}. */
    private static DatabaseSettings fresh(String kind, Duration h2LockTimeout) throws SQLException {
        return kind.equals("h2")
                ? DatabaseSettings.of("jdbc:h2:file:" + dir.resolve("bookmarks" + FILES.incrementAndGet())
                        + ";LOCK_TIMEOUT=" + h2LockTimeout.toMillis() + ";WRITE_DELAY=0")
                : postgres.settings(postgres.createDatabase());
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /**
     * Two connections in the pool, both taken by PUTs that wait on a row lock the test holds: a
     * third request waits {@code db.pool.timeout} for a connection and is a 503 with
     * {@code Retry-After} (a read and a write alike), readiness is down, and the two PUTs are still
     * waiting. Once the lock is released the PUTs complete, one after the other, and all is well.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExhaustedPoolIsA503AfterThePoolTimeout(String kind) throws Exception {
        DatabaseSettings settings = fresh(kind, Duration.ofSeconds(60))
                .withPool(2, Duration.ofMillis(500)).withStatementTimeout(Duration.ofSeconds(60));
        try (TestApp app = TestApp.start(settings);
             Connection holder = connect(settings);
             Connection observer = connect(settings);
             ExecutorService clients = Executors.newCachedThreadPool()) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://held.example\"}").statusCode());
            holder.setAutoCommit(false);
            assertEquals(1, update(holder, "UPDATE bookmark SET title = ? WHERE id = ?", "held", 1));

            List<Future<HttpResponse<String>>> puts = new ArrayList<>();
            for (String title : List.of("first", "second")) {
                puts.add(clients.submit(() -> app.send("PUT", "/bookmarks/1",
                        "{\"url\":\"https://held.example\",\"title\":\"" + title + "\"}")));
            }
            awaitHeldUp(observer, 2, "UPDATE bookmark ");

            assertUnavailable(app.send("GET", "/bookmarks/1", null));
            assertUnavailable(app.send("POST", "/bookmarks", "{\"url\":\"https://queued.example\"}"));
            assertEquals(503, app.readiness());
            for (Future<HttpResponse<String>> put : puts) {
                assertFalse(put.isDone(), "the pool's connections were still taken");
            }

            holder.rollback();
            List<Long> versions = new ArrayList<>();
            for (Future<HttpResponse<String>> put : puts) {
                HttpResponse<String> done = put.get();
                assertEquals(200, done.statusCode(), done.body());
                versions.add(json(done).path("version").asLong());
            }
            assertEquals(List.of(2L, 3L), versions.stream().sorted().toList());
            assertEquals(200, app.send("GET", "/bookmarks/1", null).statusCode());
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://after.example\"}").statusCode());
            assertEquals(200, app.readiness());
        }
    }

    /**
     * A PUT held up by a lock longer than its bound ({@code db.statement.timeout} on PostgreSQL,
     * H2's {@code LOCK_TIMEOUT}) is a 503, while the lock is still held; the change did not happen,
     * and the pool serves the next requests.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStatementHeldUpPastItsBoundIsA503(String kind) throws Exception {
        DatabaseSettings settings = fresh(kind, Duration.ofSeconds(1))
                .withPool(2, Duration.ofSeconds(1)).withStatementTimeout(Duration.ofSeconds(1));
        try (TestApp app = TestApp.start(settings);
             Connection holder = connect(settings)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://locked.example\"}").statusCode());
            holder.setAutoCommit(false);
            assertEquals(1, update(holder, "UPDATE bookmark SET title = ? WHERE id = ?", "holder", 1));

            assertUnavailable(app.send("PUT", "/bookmarks/1", "{\"url\":\"https://locked.example\",\"title\":\"mine\"}"));

            holder.rollback();
            HttpResponse<String> read = app.send("GET", "/bookmarks/1", null);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(1, json(read).path("version").asLong(), read.body());
            assertEquals("https://locked.example", json(read).path("title").asText(), read.body());
            HttpResponse<String> put = app.send("PUT", "/bookmarks/1", "{\"url\":\"https://locked.example\",\"title\":\"now\"}");
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(200, app.readiness());
        }
    }

    /**
     * PostgreSQL frozen (SIGSTOP: its sockets stay open and silent, as with a hung host or a network
     * that drops packets): reads and writes are 503s with {@code Retry-After} and readiness is down,
     * all while it is still frozen; thawed, the app serves again without a restart.
     */
    @Test
    void aFrozenPostgresqlIsA503NotAHang() throws Exception {
        TestPostgres own = victim;
        DatabaseSettings settings = own.settings(own.createDatabase())
                .withPool(4, Duration.ofSeconds(1)).withStatementTimeout(Duration.ofSeconds(1));
        try (TestApp app = TestApp.start(settings)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://frozen.example\"}").statusCode());
            for (int i = 0; i < 4; i++) {   // the pool's connections fresh from use: handed out unchecked
                assertEquals(200, app.send("GET", "/bookmarks/1", null).statusCode());
            }
            own.freeze();
            try {
                assertUnavailable(app.send("GET", "/bookmarks/1", null));
                assertUnavailable(app.send("PUT", "/bookmarks/1", "{\"url\":\"https://frozen.example\",\"title\":\"x\"}"));
                assertEquals(503, app.readiness());
            } finally {
                own.thaw();
            }
            HttpResponse<String> back = awaitAnswer(() -> app.send("GET", "/bookmarks/1", null), 200);
            assertEquals("https://frozen.example", json(back).path("url").asText(), back.body());
            assertEquals(200, app.readiness());
        }
    }

    /**
     * PostgreSQL killed (SIGKILL to every process, as a crash) while clients keep writing and
     * reading: every request is answered 200 or a 503 problem, never a 500 or a hang; readiness is
     * down while it is dead. Started again on the same data (crash recovery), the app serves again
     * without a restart, and every change it acknowledged before the kill is there.
     */
    @Test
    void aKilledPostgresqlIsA503AndTheAppRecoversWhenItReturns() throws Exception {
        TestPostgres own = victim;
        DatabaseSettings settings = own.settings(own.createDatabase())
                .withPool(4, Duration.ofSeconds(1)).withStatementTimeout(Duration.ofSeconds(2));
        try (TestApp app = TestApp.start(settings);
             ExecutorService clients = Executors.newFixedThreadPool(4)) {
            assertEquals(201, app.send("POST", "/bookmarks", "{\"url\":\"https://crash.example\"}").statusCode());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong acknowledged = new AtomicLong(1);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger unavailable = new AtomicInteger();
            Map<Integer, String> unexpected = new ConcurrentHashMap<>();
            AtomicReference<HttpResponse<String>> a503 = new AtomicReference<>();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                boolean writer = w % 2 == 0;
                int worker = w;
                workers.add(clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        HttpResponse<String> answer = writer
                                ? app.send("PUT", "/bookmarks/1", "{\"url\":\"https://crash.example\",\"title\":\"w"
                                        + worker + "-" + i + "\"}")
                                : app.send("GET", "/bookmarks/1", null);
                        if (answer.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (writer) {
                                acknowledged.accumulateAndGet(json(answer).path("version").asLong(), Math::max);
                            }
                        } else if (answer.statusCode() == 503) {
                            unavailable.incrementAndGet();
                            a503.set(answer);
                        } else {
                            unexpected.put(answer.statusCode(), answer.body());
                        }
                    }
                    return null;
                }));
            }
            awaitCount(ok, 40);
            long acknowledgedBeforeKill = acknowledged.get();
            own.kill();
            awaitCount(unavailable, 8);
            assertEquals(503, app.readiness());
            assertUnavailable(a503.get());

            own.restart();
            awaitAnswer(() -> app.send("GET", "/bookmarks/1", null), 200);
            int okAfterRestart = ok.get();
            awaitCount(ok, okAfterRestart + 20);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            assertEquals(Map.of(), unexpected);
            assertEquals(200, app.readiness());
            HttpResponse<String> end = app.send("GET", "/bookmarks/1", null);
            long version = json(end).path("version").asLong();
            assertTrue(acknowledgedBeforeKill > 1 && version >= acknowledged.get(),
                    "version " + version + ", acknowledged " + acknowledged + " (before the kill "
                            + acknowledgedBeforeKill + ")");
        }
    }

    /** Repeats {@code request} until it answers {@code status}; fails after 30 s. */
    private static HttpResponse<String> awaitAnswer(Supplier<HttpResponse<String>> request, int status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never " + status + "; last: " + (last == null ? "none" : last.statusCode() + " "
                + last.body()));
    }

    /** Waits until {@code counter} reaches {@code at least}; fails after 30 s. */
    private static void awaitCount(AtomicInteger counter, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (counter.get() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("counted " + counter.get() + " of " + atLeast);
            }
            Thread.sleep(20);
        }
    }
}
