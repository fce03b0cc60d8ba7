package dev.spur.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Router lookup: one operation is <em>every</em> lookup of the route set once (130 for
 * {@code github-api}; one per route for sets without a {@code .lookups} file). Divide the score
 * (and {@code gc.alloc.rate.norm}) by the set's lookup count for a per-lookup figure; {@code run.sh}'s
 * report does that.
 *
 * <p>Each {@code @Param} value runs in its own fork, which compiles that set's router with Spur's
 * processor at trial set-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouterLookupBenchmark {

    /** The route set. */
    @Param({"github-api", "static", "parse-api"})
    public String set;

    LookupFixture fixture;

    /** Compiles the set's router and prepares the three candidates; checks they all find routes. */
    @Setup
    public void setUp() {
        fixture = LookupFixture.prepare(set);
    }

    /** Spur's generated router: canonical path + find + parameter extraction. */
    @Benchmark
    public int spur(Blackhole bh) {
        return fixture.spur(bh);
    }

    /** Helidon 4.5's path matchers walked in registration order, as its router does per request. */
    @Benchmark
    public int helidon(Blackhole bh) {
        return fixture.helidon(bh);
    }

    /** Floor: HashMap.get of a String built per lookup from the request's bytes. */
    @Benchmark
    public int floor(Blackhole bh) {
        return fixture.floor(bh);
    }
}
