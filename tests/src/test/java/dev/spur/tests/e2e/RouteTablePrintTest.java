package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.Main;
import dev.spur.example.bookmarks.InMemoryBookmarkStore;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code SpurServer.Builder.printRoutes} prints every route, with its conditions and layers, at start-up. */
class RouteTablePrintTest {

    @Test
    void theRouteTableIsPrintedAtStartUp() {
        List<String> lines = new CopyOnWriteArrayList<>();
        SpurServer server = SpurServer.builder(Main.router(new InMemoryBookmarkStore(), WriteAccess.token("t")))
                .host("127.0.0.1").port(0).printRoutes(lines::add).start();
        try {
            assertEquals(Main.router(new InMemoryBookmarkStore(), WriteAccess.token("t")).routes().size() + " routes:",
                    lines.getFirst());
            assertTrue(lines.contains("  POST /bookmarks -> BookmarkHandlers.create via RequestId, RouteTiming, "
                    + "DomainErrors, WriteAccess, Transactional (service gateway)"), String.join("\n", lines));
            assertTrue(lines.contains("  GET /bookmarks/{id} -> BookmarkHandlers.get via RequestId, RouteTiming, "
                    + "DomainErrors (service gateway)"), String.join("\n", lines));
            assertTrue(lines.contains("  GET /audit/events -> AuditHandlers.events via RequestId, RouteTiming, "
                    + "DomainErrors (private service audit)"), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  GET /about [header=x-api-version=2")),
                    String.join("\n", lines));
        } finally {
            server.stop();
        }
    }
}
