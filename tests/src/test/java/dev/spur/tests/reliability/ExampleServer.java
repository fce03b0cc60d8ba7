package dev.spur.tests.reliability;

import dev.spur.example.Main;
import dev.spur.example.layers.WriteAccess;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;

/**
 * The example bookmarks app on a loopback port, over a store the test holds, so that a test can
 * prove from the store itself whether a request ran (a smuggled {@code DELETE} leaves its bookmark
 * gone, a smuggled {@code POST} leaves a new URL behind). Bodies are limited to 64 KiB.
 */
final class ExampleServer implements AutoCloseable {

    static final int MAX_BODY = 256 * 1024;

    /** The host the example's {@code EchoApi} hijacks: it answers with the method, path and body it saw. */
    static final String ECHO_HOST = "echo.example.internal";

    /** The URL prefix of bookmarks only a smuggled request creates. */
    static final String SMUGGLED_URL = "https://smuggled.example/";

    final InMemoryBookmarkStore store = new InMemoryBookmarkStore();
    final SpurServer server;

    /** Starts the app with bookmarks 1 to {@code bookmarks} already stored. */
    ExampleServer(int bookmarks) {
        this(bookmarks, builder -> { });
    }

    /** Starts the app with bookmarks 1 to {@code bookmarks} already stored, the builder changed by {@code settings}. */
    ExampleServer(int bookmarks, java.util.function.Consumer<SpurServer.Builder> settings) {
        for (int i = 1; i <= bookmarks; i++) {
            store.create("https://example.org/" + i, "Bookmark " + i, List.of());
        }
        // Writes need no token here: these suites detect a smuggled request by what it does (a bookmark
        // created or deleted), which a 401 from the write guard would hide.
        SpurServer.Builder builder = SpurServer.builder(Main.router(store, WriteAccess.unchecked())).host("127.0.0.1")
                .port(0).maxPayloadSize(MAX_BODY);
        settings.accept(builder);
        server = builder.start();
    }

    int port() {
        return server.port();
    }

    /** A client for a new connection, with a 5 s read timeout. */
    RawHttp client() {
        return RawHttp.local(port()).timeout(5_000);
    }

    /** Whether bookmark {@code id} is still stored. */
    boolean exists(long id) {
        return store.find(id).isPresent();
    }

    /** How many stored bookmarks only a smuggled request could have created. */
    long smuggledCreations() {
        return store.all().stream().filter(b -> b.url().startsWith(SMUGGLED_URL)).count();
    }

    /** {@code GET target} on a new connection. */
    RawHttp.Answer get(String target) throws IOException {
        try (RawHttp http = client()) {
            return http.send("GET", target);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
