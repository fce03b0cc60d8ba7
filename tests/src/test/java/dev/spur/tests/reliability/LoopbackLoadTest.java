package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: 64 concurrent keep-alive clients on virtual threads send a mix of
 * good and bad requests. Every answer must be the expected one (so no 5xx), no connection may
 * fail, and the heap after a full GC must not have grown much over the warmed-up heap. A memory
 * check, not a timing one: speed is measured in benchmarks/.
 */
class LoopbackLoadTest {

    private static final int CLIENTS = 64;
    private static final int WARM_UP = 50;
    /** Requests per client after the warm-up; {@code benchmarks/soak/soak.sh} raises it. */
    private static final int REQUESTS = Integer.getInteger("spur.load.requests", 250);
    private static final long GROWTH_BOUND = 64L * 1024 * 1024;
    private static final long SEED = Long.getLong("spur.seed", System.nanoTime());

    /** One kind of request in the mix and the status it must get. */
    private record Probe(String method, String target, Map<String, String> headers, String body, int status) {
    }

    private static final List<Probe> MIX = List.of(
            new Probe("GET", "/items/42", Map.of(), null, 200),
            new Probe("GET", "/seg/a%2Fb", Map.of(), null, 200),
            new Probe("GET", "/files/a/b/c", Map.of(), null, 200),
            new Probe("POST", "/items", Map.of("Content-Type", "application/json"), "{\"name\":\"n\",\"count\":3}", 200),
            new Probe("HEAD", "/items", Map.of(), null, 200),
            new Probe("OPTIONS", "/items/1", Map.of(), null, 204),
            new Probe("GET", "/search?limit=5", Map.of(), null, 200),
            new Probe("GET", "/items/abc", Map.of(), null, 400),
            new Probe("GET", "/seg/%ff", Map.of(), null, 400),
            new Probe("GET", "/seg/%2e%2e", Map.of(), null, 400),
            new Probe("GET", "/items/%zz", Map.of(), null, 400),
            new Probe("GET", "/nope/" + "x".repeat(100), Map.of(), null, 404),
            new Probe("PATCH", "/items", Map.of(), null, 405),
            new Probe("POST", "/items", Map.of("Content-Type", "application/json"), "{\"name\":", 400),
            new Probe("POST", "/items", Map.of("Content-Type", "text/plain"), "{}", 415),
            // The body is declared, never sent: the server must answer from the Content-Length alone.
            new Probe("PUT", "/bytes", Map.of("Content-Length", "1000000"), null, 413),
            new Probe("GET", "/count", Map.of("X-Big", "b".repeat(LoopbackServerTest.MAX_HEADERS)), null, 431));

    @Test
    void mixedLoadHasNoServerErrorNoConnectionErrorAndNoHeapGrowth() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SpurServer server = ReliabilityApp.start(b -> b.maxRequestLineLength(LoopbackServerTest.MAX_LINE)
                .maxHeaderSize(LoopbackServerTest.MAX_HEADERS).maxPayloadSize(LoopbackServerTest.MAX_BODY));
             LogCapture logs = new LogCapture()) {
            Result warmUp = run(server.port(), WARM_UP);
            warmUp.assertClean("warm-up");
            long before = heapAfterGc(memory);
            long start = System.nanoTime();
            Result load = run(server.port(), REQUESTS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long after = heapAfterGc(memory);
            System.out.printf("LoopbackLoadTest: %d requests from %d clients in %d ms; heap after GC %d MiB before,"
                            + " %d MiB after; seed %d%n", load.answered.get(), CLIENTS, millis, before >> 20,
                    after >> 20, SEED);
            load.assertClean("load");
            assertEquals(CLIENTS * REQUESTS, load.answered.get());
            assertTrue(after - before < GROWTH_BOUND, "heap grew from " + (before >> 20) + " MiB to " + (after >> 20)
                    + " MiB under load");
            logs.assertQuiet("client errors under load");
        }
    }

    /** What the clients saw. */
    private static final class Result {
        final AtomicInteger answered = new AtomicInteger();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

        void assertClean(String phase) {
            assertTrue(wrong.isEmpty(), () -> phase + ", seed " + SEED + ": " + wrong.size() + " wrong answers or "
                    + "connection errors, e.g. " + wrong.stream().limit(10).toList());
        }
    }

    private static Result run(int port, int requestsPerClient) throws Exception {
        Result result = new Result();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                done.add(clients.submit(() -> client(port, requestsPerClient, random, result)));
            }
            for (Future<?> future : done) {
                future.get(30L + requestsPerClient / 10, TimeUnit.SECONDS);
            }
        }
        return result;
    }

    private static void client(int port, int requests, Random random, Result result) {
        try (RawHttp http = RawHttp.local(port)) {
            for (int i = 0; i < requests; i++) {
                Probe probe = MIX.get(random.nextInt(MIX.size()));
                try {
                    RawHttp.Answer answer = http.send(probe.method(), probe.target(), probe.headers(),
                            probe.body() == null ? null : probe.body().getBytes(StandardCharsets.UTF_8));
                    result.answered.incrementAndGet();
                    if (answer.status() != probe.status()) {
                        result.wrong.add(probe.method() + " " + probe.target() + " -> " + answer.status());
                    }
                } catch (IOException e) {
                    result.wrong.add(probe.method() + " " + probe.target() + " -> " + e);
                    http.close();
                }
            }
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
