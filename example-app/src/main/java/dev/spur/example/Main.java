package dev.spur.example;

import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.runtime.SpurServer;

/**
 * Starts the bookmarks API: on the port given as the first argument, else the {@code PORT}
 * environment variable, else 8080.
 */
public final class Main {

    private Main() {
    }

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8080");
        SpurServer server = start(Integer.parseInt(port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Spur example app listening on http://localhost:" + server.port() + "/");
    }

    /** Starts the API with an empty store on every interface; port 0 picks a free port. */
    public static SpurServer start(int port) {
        return start("0.0.0.0", port);
    }

    /** Starts the API with an empty store on {@code host}; port 0 picks a free port. */
    public static SpurServer start(String host, int port) {
        return SpurServer.builder(router(new BookmarkStore())).host(host).port(port).start();
    }

    /** The router with every handler class wired to {@code store}. */
    public static SpurRouter router(BookmarkStore store) {
        return SpurRouter.builder()
                .bookmarkHandlers(new BookmarkHandlers(store))
                .noteHandlers(new NoteHandlers(store))
                .tagHandlers(new TagHandlers(store))
                .build();
    }
}
