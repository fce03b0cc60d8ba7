package dev.spur.bench;

import dev.spur.bench.layers.LayerRouter;
import dev.spur.runtime.Exchange;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a route's layers: the generated {@link LayerRouter} (compiled by Spur's processor in
 * this module's build) routes a fresh in-memory exchange to {@code GET /plain/1} (no layer) or to
 * {@code GET /layer/1} (the same handler inside three trivial layers,
 * {@link dev.spur.bench.layers.LayerHandlers}). Both build the exchange per invocation, so the
 * difference between them is the three layers; {@link #exchangeOnly} is that set-up alone.
 * Per layer: {@code (layered - plain) / 3}, in time and in {@code gc.alloc.rate.norm} ({@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LayerChainBenchmark {

    /** The number of layers around {@code /layer/{id}}. */
    public static final int LAYERS = 3;

    final LayerRouter router = LayerRouter.create();

    /** The route without layers: build the exchange, route it, return it with its answer. */
    @Benchmark
    public Exchange plain() {
        Exchange exchange = Exchange.request("GET", "/plain/1").build();
        router.route(exchange);
        return exchange;
    }

    /** The same handler inside three layers. */
    @Benchmark
    public Exchange layered() {
        Exchange exchange = Exchange.request("GET", "/layer/1").build();
        router.route(exchange);
        return exchange;
    }

    /** Building the in-memory exchange alone (what both routes pay before routing). */
    @Benchmark
    public Exchange exchangeOnly() {
        return Exchange.request("GET", "/plain/1").build();
    }
}
