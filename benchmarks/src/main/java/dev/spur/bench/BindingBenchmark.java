package dev.spur.bench;

import dev.spur.bench.bindings.BindingRouter;
import dev.spur.bench.bindings.CatalogBinding;
import dev.spur.bench.bindings.catalog.Product;
import dev.spur.runtime.SpurServer;
import dev.spur.runtime.services.Binding;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A typed service-binding call, in process and over loopback HTTP, in one run: the generated
 * {@link CatalogBinding}'s {@code product(id)} (one path parameter, {@code GET
 * /catalog/products/{id}}) answers a {@link Product} record from the private {@code catalog}
 * service, through its two service-level layers ({@code ReadOnly}, {@code FailureCount}).
 *
 * <ul>
 *   <li>{@link #inProcess}: the binding of a {@link BindingRouter} that runs every service: the
 *       call runs the route's whole generated chain on the caller's thread and hands the record over.
 *   <li>{@link #overHttp}: the same typed call on the binding of a second {@code BindingRouter}, the
 *       caller, started with {@link SpurServer} running only service {@code default} and its
 *       {@code catalog} binding connected over HTTP to a third one, started with {@code SpurServer}
 *       on 127.0.0.1 running only {@code catalog}, on its internal listener with the shared
 *       credential: WebClient, one kept-alive connection, Helidon's server, the JSON written and read
 *       back into a record.
 * </ul>
 *
 * <p>The HTTP call needs about ten seconds of warm-up before its time settles (WebClient, Helidon's
 * server and Jackson all being compiled), hence ten warm-up iterations.
 *
 * <p>The ratio {@code overHttp / inProcess} is how many times cheaper the in-process call is; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} gives the bytes each call allocates (the HTTP case:
 * in this JVM only, the client's and the server's together, since both run here).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class BindingBenchmark {

    /** The internal listener's shared credential in this benchmark. */
    static final String CREDENTIAL = "binding-benchmark-credential-0123";

    /** The id every call asks for. */
    public static final String ID = "p-1042";

    /** The in-process case: a router that runs every service, and its binding to the catalog. */
    @State(Scope.Benchmark)
    public static class InProcess {

        /** The id asked for (a field, so that the JIT does not fold it in). */
        String id = ID;

        Binding binding;
        CatalogBinding catalog;

        /** Creates the router and the binding. */
        @Setup(Level.Trial)
        public void setUp() {
            BindingRouter router = BindingRouter.create();
            binding = router.services().orElseThrow().binding("catalog");
            catalog = new CatalogBinding(binding);
        }
    }

    /**
     * The HTTP case: the catalog's server, and the caller's server whose binding to the catalog goes
     * over loopback HTTP to the catalog's internal listener. Only the forks of {@link #overHttp}
     * start them.
     */
    @State(Scope.Benchmark)
    public static class OverHttp {

        /** The id asked for (a field, so that the JIT does not fold it in). */
        String id = ID;

        Binding binding;
        CatalogBinding catalog;
        SpurServer catalogServer;
        SpurServer callerServer;

        /** Starts the two servers and connects the caller's binding. */
        @Setup(Level.Trial)
        public void setUp() {
            catalogServer = SpurServer.builder(BindingRouter.create()).host("127.0.0.1").port(0).services("catalog")
                    .internalListener(0, CREDENTIAL).openApi(false).start();
            URI internal = URI.create("http://127.0.0.1:" + catalogServer.port(SpurServer.INTERNAL_LISTENER));
            BindingRouter caller = BindingRouter.create();
            callerServer = SpurServer.builder(caller).host("127.0.0.1").port(0).services("default")
                    .binding("catalog", internal, Duration.ofSeconds(5)).internalCredential(CREDENTIAL)
                    .openApi(false).start();
            binding = caller.services().orElseThrow().binding("catalog");
            catalog = new CatalogBinding(binding);
        }

        /** Stops both servers. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (callerServer != null) {
                callerServer.stop();
            }
            if (catalogServer != null) {
                catalogServer.stop();
            }
        }
    }

    /** The typed call in process: the route's chain on this thread, the record handed over. */
    @Benchmark
    public Product inProcess(InProcess state) {
        return state.catalog.product(state.id);
    }

    /** The same typed call over loopback HTTP to the server that runs the catalog. */
    @Benchmark
    public Product overHttp(OverHttp state) {
        return state.catalog.product(state.id);
    }
}
