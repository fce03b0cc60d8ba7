package dev.spur.runtime;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A running Helidon WebServer that hands every request on every listener to one generated
 * {@link Router}, through a single catch-all route per listener.
 */
public final class SpurServer implements AutoCloseable {

    private final WebServer server;

    private SpurServer(WebServer server) {
        this.server = server;
    }

    /** A builder for a server around {@code router}. */
    public static Builder builder(Router router) {
        return new Builder(router);
    }

    /** The port of the default listener (the actual one when 0 was asked for). */
    public int port() {
        return server.port();
    }

    /** The port of the named listener. */
    public int port(String listener) {
        return server.port(listener);
    }

    /** Stops the server, letting in-flight requests finish within the grace period. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Configures and starts a {@link SpurServer}. */
    public static final class Builder {
        private final Router router;
        private final Map<String, Integer> listeners = new LinkedHashMap<>();
        private int port = 8080;
        private String host = "0.0.0.0";
        private long maxPayloadSize = 10L * 1024 * 1024;
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private Consumer<WebServerConfig.Builder> customizer = b -> { };

        private Builder(Router router) {
            this.router = Objects.requireNonNull(router, "router");
        }

        /** The default listener's port; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind. Default all interfaces. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Adds a named listener on {@code port} (0 picks a free one), served by the same router. */
        public Builder listener(String name, int port) {
            listeners.put(name, port);
            return this;
        }

        /** The largest request body accepted, in bytes (a larger one is a 413). Default 10 MiB. */
        public Builder maxPayloadSize(long bytes) {
            this.maxPayloadSize = bytes;
            return this;
        }

        /** How long stopping waits for in-flight requests. Default 5 seconds. */
        public Builder shutdownGracePeriod(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /** Applies further Helidon settings (limits, TLS, ...) after Spur's own. */
        public Builder configure(Consumer<WebServerConfig.Builder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** Starts the server. */
        public SpurServer start() {
            Dispatcher dispatcher = new Dispatcher(router);
            WebServerConfig.Builder config = WebServer.builder()
                    .host(host)
                    .port(port)
                    .maxPayloadSize(maxPayloadSize)
                    .shutdownGracePeriod(shutdownGrace)
                    .shutdownHook(false)
                    .routing(routing -> routing.any(dispatcher));
            listeners.forEach((name, listenerPort) -> config.putSocket(name, socket -> socket
                    .name(name)
                    .host(host)
                    .port(listenerPort)
                    .maxPayloadSize(maxPayloadSize)
                    .routing(routing -> routing.any(dispatcher))));
            customizer.accept(config);
            return new SpurServer(config.build().start());
        }
    }
}
