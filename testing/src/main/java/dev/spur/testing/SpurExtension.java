package dev.spur.testing;

import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a Spur application for each test and hands the test a {@link SpurClient} (as a parameter
 * of the test method, or through {@link #client()}). A fresh application per test keeps tests
 * apart.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SpurExtension app = SpurExtension.inProcess(SpurRouter::create);
 *
 * @Test
 * void itemsCanBeRead(SpurClient client) {
 *     client.get("/items/1").send().assertStatus(200);
 * }
 * }</pre>
 *
 * {@link #inProcess} runs the router on in-memory exchanges (no socket: fast, and every layer of the
 * router runs); {@link #onPort} starts the server the supplier builds on a free loopback port and
 * sends real HTTP, for what only the network has (the framing guard, listeners, TLS, layers added
 * with {@code SpurServer.Builder.layer}).
 */
public final class SpurExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<Router> router;
    private final Supplier<SpurServer.Builder> server;
    private SpurServer running;
    private SpurClient client;

    private SpurExtension(Supplier<Router> router, Supplier<SpurServer.Builder> server) {
        this.router = router;
        this.server = server;
    }

    /** Runs the router {@code router} supplies in process, a new one for each test. */
    public static SpurExtension inProcess(Supplier<? extends Router> router) {
        Objects.requireNonNull(router, "router");
        return new SpurExtension(router::get, null);
    }

    /**
     * Starts the server {@code server} configures (its port is replaced by a free one, its host by
     * 127.0.0.1) before each test and stops it after.
     */
    public static SpurExtension onPort(Supplier<SpurServer.Builder> server) {
        return new SpurExtension(null, Objects.requireNonNull(server, "server"));
    }

    /** The client of the current test's application. */
    public SpurClient client() {
        if (client == null) {
            throw new IllegalStateException("No application runs: the client is there during a test only");
        }
        return client;
    }

    /** The running server of the current test ({@link #onPort} only). */
    public SpurServer server() {
        if (running == null) {
            throw new IllegalStateException("No server runs: SpurExtension.onPort starts one for each test");
        }
        return running;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (router != null) {
            client = SpurClient.inProcess(Objects.requireNonNull(router.get(), "the router supplier gave null"));
        } else {
            running = server.get().host("127.0.0.1").port(0).start();
            client = SpurClient.onPort(URI.create("http://127.0.0.1:" + running.port() + "/"));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client = null;
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SpurClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client();
    }
}
