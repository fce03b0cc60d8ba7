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
 * Where Spur's lookup time goes: the three steps of {@link RouterLookupBenchmark#spur}, each
 * alone, over the same lookups (one operation = every lookup of the set).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpurBreakdownBenchmark {

    /** The route set. */
    @Param({"github-api"})
    public String set;

    LookupFixture fixture;

    /** Compiles the set's router. */
    @Setup
    public void setUp() {
        fixture = LookupFixture.prepare(set);
    }

    /** {@code RequestPath.canonical} only. */
    @Benchmark
    public int canonical(Blackhole bh) {
        return fixture.spurCanonicalOnly(bh);
    }

    /** The generated {@code find} only. */
    @Benchmark
    public int find(Blackhole bh) {
        return fixture.spurFindOnly(bh);
    }

    /** {@code RouteInfo.parameterValues} only. */
    @Benchmark
    public int parameters(Blackhole bh) {
        return fixture.spurParametersOnly(bh);
    }
}
