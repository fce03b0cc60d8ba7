package dev.spur.bench.bindings;

import dev.spur.Route;

/**
 * The public part of the binding benchmarks' application (service {@code default}): what the caller
 * process of {@link dev.spur.bench.BindingBenchmark}'s HTTP case runs, while the private
 * {@code catalog} runs in the other server.
 */
public class FrontHandlers {

    /** Answers {@code ok}. */
    @Route(path = "/health")
    public String health() {
        return "ok\n";
    }
}
