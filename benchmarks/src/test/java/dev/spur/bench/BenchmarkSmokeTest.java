package dev.spur.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.spur.bench.layers.LayerRouter;
import dev.spur.bench.layers.ProxyHopLimit;
import dev.spur.runtime.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each lookup benchmark's set-up and a few invocations of every candidate (not a
 * measurement): the three candidates must answer the same route for every lookup, and every
 * lookup but the known misses must find one. Runs the layer benchmark's routes: both answer the
 * same, and only the layered one goes through the layers.
 */
class BenchmarkSmokeTest {

    private static final Blackhole BH = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    /**
     * Lookups that find no route under Spur's semantics: matchit's GitHub request set has
     * {@code /repos/p1/p2/milestones/}, whose empty last segment matches no template (a parameter
     * is never empty); it stays in the benchmark as a miss.
     */
    private static final Map<String, Set<String>> MISSES = Map.of(
            "github-api", Set.of("GET /repos/p1/p2/milestones/"));

    @ParameterizedTest
    @ValueSource(strings = {"github-api", "static", "parse-api"})
    void everyLookupFindsTheSameRouteWithEveryCandidate(String set) {
        RouterLookupBenchmark benchmark = new RouterLookupBenchmark();
        benchmark.set = set;
        benchmark.setUp();
        LookupFixture fixture = benchmark.fixture;
        int n = fixture.size();
        if (set.equals("github-api")) {
            assertEquals(130, n, "github-api.lookups has 130 paths");
        }
        assertTrue(n > 0);
        Set<String> misses = MISSES.getOrDefault(set, Set.of());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int spur = fixture.spurRoute(i);
            int helidon = fixture.helidonRoute(i);
            int floor = fixture.floorRoute(i);
            boolean miss = misses.contains(fixture.lookup(i));
            if (spur != helidon || spur != floor || (spur < 0) != miss) {
                wrong.add(fixture.lookup(i) + ": spur " + spur + ", helidon " + helidon + ", floor " + floor
                        + (miss ? " (expected: no route)" : ""));
            }
        }
        assertTrue(wrong.isEmpty(), () -> "candidates disagree or miss:\n  " + String.join("\n  ", wrong));
        int found = n - misses.size();
        for (int i = 0; i < 3; i++) {
            assertEquals(found, benchmark.spur(BH), "Spur lookups that found a route");
            assertEquals(found, benchmark.helidon(BH), "Helidon lookups that found a route");
            assertEquals(found, benchmark.floor(BH), "floor lookups that found a route");
        }
    }

    @Test
    void layerBenchmarkRoutesAnswerTheSameAndOnlyTheLayeredOneRunsTheLayers() {
        LayerChainBenchmark benchmark = new LayerChainBenchmark();
        for (int i = 0; i < 3; i++) {
            Exchange plain = benchmark.plain();
            Exchange layered = benchmark.layered();
            assertEquals(200, plain.status());
            assertEquals(200, layered.status());
            assertEquals("ok\n", plain.responseText());
            assertEquals(plain.responseText(), layered.responseText());
            assertTrue(plain.route().isPresent() && layered.route().isPresent());
            assertEquals(0, benchmark.exchangeOnly().status());
        }
        LayerRouter router = LayerRouter.create();
        String tooMany = "10.0.0.1" + ", 10.0.0.1".repeat(ProxyHopLimit.MAX_HOPS);
        Exchange plain = Exchange.request("GET", "/plain/1").header("X-Forwarded-For", tooMany).build();
        Exchange layered = Exchange.request("GET", "/layer/1").header("X-Forwarded-For", tooMany).build();
        router.route(plain);
        router.route(layered);
        assertEquals(200, plain.status(), "no layer around /plain/{id}");
        assertEquals(400, layered.status(), "ProxyHopLimit runs around /layer/{id}");
    }
}
