package dev.spur.tests.e2e.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.TestRouter;
import dev.spur.tests.e2e.services.inventory.Item;
import dev.spur.tests.e2e.services.inventory.ItemInput;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-process binding call opens no socket: no server is started, every proxy lookup fails,
 * and a flight recording of the JVM's socket reads and writes on the calling thread stays empty;
 * the same recording around an HTTP binding call is not, which shows the probe sees sockets.
 */
class InProcessBindingTest {

    @TempDir
    Path temp;

    /** A proxy selector that fails every lookup, counting them. */
    private static final class FailingProxySelector extends ProxySelector {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public List<Proxy> select(URI uri) {
            asked.incrementAndGet();
            throw new IllegalStateException("an in-process binding looked up a proxy for " + uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            asked.incrementAndGet();
        }
    }

    @Test
    void anInProcessCallOpensNoSocket() throws IOException {
        TestRouter router = ServiceProcesses.router();
        InventoryBinding inventory = ServiceProcesses.inventoryOf(router);
        ProxySelector previous = ProxySelector.getDefault();
        FailingProxySelector failing = new FailingProxySelector();
        ProxySelector.setDefault(failing);
        long socketEvents;
        try {
            socketEvents = socketEventsOnThisThread(() -> {
                assertEquals(Optional.of(new Item("apple", "Apple", 3, List.of("fruit"))), inventory.get("apple"));
                inventory.put("kiwi", new ItemInput("Kiwi", 1, List.of()), Optional.of("me"));
                assertEquals(3, inventory.list(Optional.empty(), 10).size());
            });
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(0, failing.asked.get(), "a proxy was looked up");
        assertEquals(0, socketEvents, "the in-process calls read or wrote a socket");
    }

    @Test
    void theProbeSeesTheSocketsOfAnHttpCall() throws IOException {
        TestRouter shop = ServiceProcesses.router();
        try (SpurServer inventory = ServiceProcesses.inventoryProcess();
                SpurServer ignored = ServiceProcesses.shopProcess(shop, inventory, b -> { })) {
            InventoryBinding binding = ServiceProcesses.inventoryOf(shop);
            long socketEvents = socketEventsOnThisThread(() -> binding.get("apple"));
            assertTrue(socketEvents > 0, "the HTTP call's socket reads and writes were not recorded");
        }
    }

    /** The socket read and write events the JVM records on this thread while {@code calls} run. */
    private long socketEventsOnThisThread(Runnable calls) throws IOException {
        Path file = Files.createTempFile(temp, "sockets", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
            recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO);
            recording.start();
            calls.run();
            recording.stop();
            recording.dump(file);
        }
        long threadId = Thread.currentThread().threadId();
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getThread() != null && e.getThread().getJavaThreadId() == threadId)
                .map(RecordedEvent::getEventType)
                .count();
    }
}
