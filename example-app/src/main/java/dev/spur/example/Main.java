package dev.spur.example;

import dev.spur.example.audit.AuditHandlers;
import dev.spur.example.audit.AuditLog;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.bookmarks.SqlBookmarkStore;
import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.Transactional;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.ServerSettings;
import dev.spur.runtime.SpurServer;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * Starts the bookmarks API: on the port given as the first argument, else {@code server.port} of
 * the configuration ({@code application.yaml}, {@code SERVER_PORT}, {@code -Dserver.port}), 8080
 * there; the admin listener on the second argument, else {@code server.listeners.admin}, 8081 there. Routes that change data need {@code Authorization: Bearer
 * <token>} with the token in {@code SPUR_API_TOKEN}, else {@value #DEFAULT_TOKEN} (printed at
 * start-up).
 *
 * <p>The bookmarks are kept in the database of the {@code db} configuration node (see
 * {@link DatabaseSettings}): an H2 file database under {@code ./data} unless {@code db.url} names
 * another, such as PostgreSQL. Readiness ({@code /observe/health/ready}) has a {@code database}
 * check that is down while the database is unreachable.
 *
 * <p>The app is two services: the public {@code gateway} (the bookmarks API) and the private
 * {@code audit} service it calls through {@code AuditBinding}. One process runs both (the default);
 * {@code server.services} runs a subset, and {@code server.bindings.audit.uri},
 * {@code server.internal.port} and {@code server.internal.credential} connect the processes (see
 * the README's "Services and bindings").
 */
public final class Main {

    /** The API token when {@code SPUR_API_TOKEN} is not set: for trying the app out, never for a deployment. */
    public static final String DEFAULT_TOKEN = "dev-token";

    private Main() {
    }

    /**
     * Runs the server until the JVM is stopped. Its settings come from {@code application.yaml}
     * (the {@code server} node: port, admin listener, limits), over which environment variables
     * ({@code SERVER_PORT}) and system properties ({@code -Dserver.port}) win; the port and admin
     * port given as arguments win over all of them.
     */
    public static void main(String[] args) {
        String token = System.getenv().getOrDefault("SPUR_API_TOKEN", DEFAULT_TOKEN);
        Config config = Config.create();
        // Split across processes, the audit service's process never opens the bookmarks database:
        // only the gateway's handlers use it, and they do not run there.
        boolean gateway = runs(config.get("server.services"), "gateway");
        Database db = gateway ? Database.start(DatabaseSettings.from(config.get("db"))) : null;
        SpurServer.Builder builder = (gateway ? builder(db, WriteAccess.token(token)) : auditOnly())
                .config(config.get("server"));
        if (args.length > 0) {
            builder.port(Integer.parseInt(args[0]));
        }
        if (args.length > 1) {
            builder.listener("admin", Integer.parseInt(args[1]));
        }
        SpurServer server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            if (db != null) {
                db.close();
            }
        }));
        String services = config.get("server.services").asString().orElse("gateway, audit");
        System.out.println("Spur example app (services: " + services + ")"
                + (db == null ? "" : " on " + db.settings().describe()) + ", listening on http://localhost:"
                + server.port() + "/ (admin on port " + server.port("admin") + internal(server) + ")"
                + (gateway ? "; writes need 'Authorization: Bearer " + (System.getenv("SPUR_API_TOKEN") == null
                        ? DEFAULT_TOKEN + "' (set SPUR_API_TOKEN to change it)" : "<SPUR_API_TOKEN>'") : ""));
    }

    /** Whether the {@code server.services} setting {@code services} (absent: all of them) includes {@code service}. */
    static boolean runs(Config services, String service) {
        return ServerSettings.services(services).map(names -> names.contains(service)).orElse(true);
    }

    private static String internal(SpurServer server) {
        int port = server.port(SpurServer.INTERNAL_LISTENER);
        return port > 0 ? ", internal listener on port " + port : "";
    }

    /**
     * A server builder for a process that runs the audit service alone: the gateway's handlers are
     * wired to an empty in-memory store that nothing calls (their routes answer 404 in this process).
     */
    public static SpurServer.Builder auditOnly() {
        HealthObserver health = HealthObserver.builder().details(true).build();
        return SpurServer.builder(router(new InMemoryBookmarkStore(), WriteAccess.unchecked()))
                .configure(server -> server.addFeature(ObserveFeature.just(health)));
    }

    /**
     * A server builder for the API over {@code db}: the SQL store, a transaction per write route,
     * and the readiness check {@code database} at {@code /observe/health/ready}.
     */
    public static SpurServer.Builder builder(Database db, WriteAccess writes) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(db.reachable() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN)
                        .build(), HealthCheckType.READINESS, "database")
                .build();
        return SpurServer.builder(router(new SqlBookmarkStore(db), writes, Transactional.over(db)))
                .configure(server -> server.addFeature(ObserveFeature.just(health)));
    }

    /** Starts the API with an empty in-memory store on every interface; port 0 picks a free port (admin too). */
    public static SpurServer start(int port) {
        return start("0.0.0.0", port, 0);
    }

    /** Starts the API with an empty in-memory store on {@code host}; port 0 picks a free port (admin too). */
    public static SpurServer start(String host, int port) {
        return start(host, port, 0);
    }

    /** Starts the API with an empty in-memory store on {@code host}, with the admin listener on {@code adminPort}. */
    public static SpurServer start(String host, int port, int adminPort) {
        String token = System.getenv().getOrDefault("SPUR_API_TOKEN", DEFAULT_TOKEN);
        return SpurServer.builder(router(new InMemoryBookmarkStore(), WriteAccess.token(token))).host(host).port(port)
                .listener("admin", adminPort)
                .start();
    }

    /**
     * The router with every handler class wired to {@code store}, writes guarded by {@code writes},
     * and no transactions (for a store that is atomic by itself, such as the in-memory one).
     */
    public static SpurRouter router(BookmarkStore store, WriteAccess writes) {
        return router(store, writes, Transactional.none());
    }

    /**
     * The router with every handler class wired to {@code store}, writes guarded by {@code writes}
     * and run in a transaction of {@code transactions}.
     */
    public static SpurRouter router(BookmarkStore store, WriteAccess writes, Transactional transactions) {
        return SpurRouter.builder()
                .bookmarkStore(store)
                .auditHandlers(new AuditHandlers(new AuditLog()))
                .noteHandlers(new NoteHandlers(store))
                .tagHandlers(new TagHandlers(store))
                .writeAccess(writes)
                .transactional(transactions)
                .build();
    }
}
