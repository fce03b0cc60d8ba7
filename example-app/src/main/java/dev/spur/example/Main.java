package dev.spur.example;

import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;

/**
 * Starts the bookmarks API: on the port given as the first argument, else the {@code PORT}
 * environment variable, else 8080; the admin listener on the second argument, else
 * {@code ADMIN_PORT}, else 8081. Routes that change data need {@code Authorization: Bearer
 * <token>} with the token in {@code SPUR_API_TOKEN}, else {@value #DEFAULT_TOKEN} (printed at
 * start-up).
 */
public final class Main {

    /** The API token when {@code SPUR_API_TOKEN} is not set: for trying the app out, never for a deployment. */
    public static final String DEFAULT_TOKEN = "dev-token";

    private Main() {
    }

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8080");
        String adminPort = args.length > 1 ? args[1] : System.getenv().getOrDefault("ADMIN_PORT", "8081");
        SpurServer server = start("0.0.0.0", Integer.parseInt(port), Integer.parseInt(adminPort));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Spur example app listening on http://localhost:" + server.port() + "/ (admin on port "
                + server.port("admin") + "); writes need 'Authorization: Bearer " + (System.getenv("SPUR_API_TOKEN") == null
                ? DEFAULT_TOKEN + "' (set SPUR_API_TOKEN to change it)" : "<SPUR_API_TOKEN>'"));
    }

    /** Starts the API with an empty store on every interface; port 0 picks a free port (admin too). */
    public static SpurServer start(int port) {
        return start("0.0.0.0", port, 0);
    }

    /** Starts the API with an empty store on {@code host}; port 0 picks a free port (admin too). */
    public static SpurServer start(String host, int port) {
        return start(host, port, 0);
    }

    /** Starts the API with an empty store on {@code host}, with the admin listener on {@code adminPort}. */
    public static SpurServer start(String host, int port, int adminPort) {
        String token = System.getenv().getOrDefault("SPUR_API_TOKEN", DEFAULT_TOKEN);
        return SpurServer.builder(router(new BookmarkStore(), WriteAccess.token(token))).host(host).port(port)
                .listener("admin", adminPort)
                .start();
    }

    /** The router with every handler class wired to {@code store} and writes guarded by {@code writes}. */
    public static SpurRouter router(BookmarkStore store, WriteAccess writes) {
        return SpurRouter.builder()
                .bookmarkHandlers(new BookmarkHandlers(store))
                .noteHandlers(new NoteHandlers(store))
                .tagHandlers(new TagHandlers(store))
                .writeAccess(writes)
                .build();
    }
}
