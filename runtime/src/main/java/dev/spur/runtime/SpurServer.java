package dev.spur.runtime;

import dev.spur.runtime.internal.Dispatcher;
import dev.spur.runtime.internal.OpenApiRouter;
import dev.spur.runtime.internal.SpurRoutes;
import dev.spur.runtime.internal.TransportProblems;
import dev.spur.runtime.internal.Http1Guard;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.http2.Http2Config;
import io.helidon.webserver.http2.Http2ConnectionSelector;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.cors.CorsConfig;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http1.Http1Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A running Helidon WebServer that hands every request on every listener to one generated
 * {@link Router}, through a single catch-all route per listener.
 *
 * <p>Every listener gets the same limits (request line, header block, body) and answers what
 * Helidon refuses before routing (malformed requests, limits exceeded) as
 * {@code application/problem+json}, like the errors Spur produces itself. SECURITY.md lists the
 * limits a deployer should review.
 */
public final class SpurServer implements AutoCloseable {

    private final WebServer server;
    private final Runnable afterStop;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private SpurServer(WebServer server, Runnable afterStop) {
        this.server = server;
        this.afterStop = afterStop;
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
        if (stopped.compareAndSet(false, true)) {
            afterStop.run();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The name of the internal listener (see {@link Builder#internalListener}). */
    public static final String INTERNAL_LISTENER = "internal";

    /** Configures and starts a {@link SpurServer}. */
    public static final class Builder {
        private final Router router;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> listeners = new LinkedHashMap<>();
        private boolean http2 = true;
        private Tls tls;
        private int port = 8080;
        private String host = "0.0.0.0";
        private long maxPayloadSize = 10L * 1024 * 1024;
        private int maxRequestLineLength = 8 * 1024;
        private int maxHeaderSize = 16 * 1024;
        private int maxConnections = -1;
        private int maxConcurrentRequests = -1;
        private Duration idleConnectionTimeout = Duration.ofMinutes(5);
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private java.util.function.Consumer<String> routeTable;
        private Consumer<WebServerConfig.Builder> customizer = b -> { };
        private CorsConfig cors;
        private boolean openApi = true;
        private final Map<String, StaticContent> staticContent = new LinkedHashMap<>();
        private final dev.spur.runtime.services.Deployment deployment = new dev.spur.runtime.services.Deployment();

        private Builder(Router router) {
            this.router = Objects.requireNonNull(router, "router");
        }

        /**
         * Whether every listener also serves HTTP/2: cleartext with prior knowledge (h2c, a
         * connection that starts with the HTTP/2 preface) and, on a TLS listener, {@code h2}
         * negotiated by ALPN. Default true. HTTP/1.1 connections are read through Spur's strict
         * framing guard either way; the HTTP/1.1 {@code Upgrade: h2c} dance is not offered (the
         * request is answered over HTTP/1.1, which RFC 9110 allows).
         */
        public Builder http2(boolean enabled) {
            this.http2 = enabled;
            return this;
        }

        /**
         * TLS for every listener (Helidon's {@link Tls}, e.g. {@code Tls.builder().privateKey(...)
         * .privateKeyCertChain(...).build()}); with HTTP/2 on, ALPN offers {@code h2} and
         * {@code http/1.1}. Default: none.
         */
        public Builder tls(Tls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
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

        /**
         * The largest request body accepted, in bytes. A larger {@code Content-Length} is a 413
         * before any byte of the body is read; a chunked body is a 413 as soon as it grows past the
         * limit. Default 10 MiB; -1 means no limit (not recommended).
         */
        public Builder maxPayloadSize(long bytes) {
            if (bytes < -1) {
                throw new IllegalArgumentException("maxPayloadSize must be -1 (no limit) or at least 0: " + bytes);
            }
            this.maxPayloadSize = bytes;
            return this;
        }

        /**
         * The longest request line ({@code METHOD target HTTP/1.1}) accepted, in bytes; a longer one
         * is a 414. Default 8 KiB.
         */
        public Builder maxRequestLineLength(int bytes) {
            this.maxRequestLineLength = positive(bytes, "maxRequestLineLength");
            return this;
        }

        /** The largest header block accepted, in bytes; a larger one is a 431. Default 16 KiB. */
        public Builder maxHeaderSize(int bytes) {
            this.maxHeaderSize = positive(bytes, "maxHeaderSize");
            return this;
        }

        /**
         * The most TCP connections each listener accepts at once; more wait in the OS backlog.
         * Default -1: no limit (Helidon's).
         */
        public Builder maxConnections(int connections) {
            this.maxConnections = limitOrUnlimited(connections, "maxConnections");
            return this;
        }

        /**
         * The most requests each listener serves at once; one more is a 503. Default -1: no limit
         * (Helidon's).
         */
        public Builder maxConcurrentRequests(int requests) {
            this.maxConcurrentRequests = limitOrUnlimited(requests, "maxConcurrentRequests");
            return this;
        }

        /** How long an idle keep-alive connection stays open. Default 5 minutes (Helidon's). */
        public Builder idleConnectionTimeout(Duration timeout) {
            this.idleConnectionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long stopping waits for in-flight requests. Default 5 seconds. */
        public Builder shutdownGracePeriod(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Adds an application-level {@link Layer}; layers run in the order added, the first
         * outermost, around everything the router answers (hijacked requests included).
         */
        public Builder layer(Layer layer) {
            layers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /**
         * Adds Helidon's CORS support ({@code helidon-webserver-cors}) in front of the router on every
         * listener: Helidon answers preflight {@code OPTIONS} requests from the configured origins
         * itself, refuses cross-origin requests it does not allow (403), and adds
         * {@code Access-Control-Allow-Origin} (and the other CORS headers) to the answers of allowed
         * ones. Layers and routes see only the requests Helidon lets through; a preflight request
         * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) never
         * reaches them, Helidon answers it (200 with the allowed origin, methods and headers, or 403).
         *
         * <p>For example, to let one origin call every path:
         * <pre>{@code
         * builder.cors(cors -> cors.addPath(path -> path
         *         .pathPattern("/*")
         *         .allowOrigins(Set.of("https://app.example.com"))
         *         .allowMethods(Set.of("GET", "POST"))));
         * }</pre>
         * Helidon's defaults allow any origin and method ({@code *}); the {@code add...} methods add
         * to those defaults, so set the sets instead to restrict them.
         * Calling it again replaces the earlier configuration.
         */
        public Builder cors(Consumer<CorsConfig.Builder> cors) {
            Objects.requireNonNull(cors, "cors");
            CorsConfig.Builder builder = CorsConfig.builder()
                    // only the paths given here; no service discovery
                    .addDefaults(false)
                    .pathsDiscoverServices(false);
            cors.accept(builder);
            this.cors = builder.buildPrototype();
            return this;
        }

        /**
         * Prints the route table when the server starts: one line per route with method, template,
         * conditions, hijack, layers and handler, through {@code java.util.logging} (logger
         * {@code dev.spur.routes}, INFO). Also on when the system property {@code spur.routes.print}
         * is {@code true}.
         */
        public Builder printRoutes() {
            return printRoutes(line -> java.util.logging.Logger.getLogger("dev.spur.routes").info(line));
        }

        /** Prints the route table when the server starts, a line at a time, to {@code sink}. */
        public Builder printRoutes(java.util.function.Consumer<String> sink) {
            this.routeTable = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Applies the settings under {@code node} (see {@link ServerSettings} for the keys and their
         * defaults); an unknown key or a malformed value is an {@link IllegalArgumentException}
         * naming the key. Settings made after this call win.
         */
        public Builder config(io.helidon.config.Config node) {
            ServerSettings.apply(Objects.requireNonNull(node, "node"), this);
            return this;
        }

        /**
         * Applies the {@code server} settings of Helidon's default configuration: {@code application.yaml}
         * on the class path, then environment variables ({@code SERVER_PORT=9090}) and system properties
         * ({@code -Dserver.port=9090}) over it.
         */
        public Builder config() {
            return config(io.helidon.config.Config.create().get("server"));
        }

        /**
         * Runs only the services {@code names} in this process (default: every service the router
         * has). The routes of the others answer 404 here; bindings to them need {@link #binding}.
         */
        public Builder services(String... names) {
            deployment.run(java.util.Set.of(names));
            return this;
        }

        /**
         * Sends the bindings to {@code service}, which runs in another process, over HTTP to
         * {@code baseUri} (that process's internal listener, e.g. {@code http://audit:8090}).
         */
        public Builder binding(String service, java.net.URI baseUri) {
            deployment.bind(service, baseUri, null);
            return this;
        }

        /** Like {@link #binding(String, java.net.URI)}, each call answered within {@code timeout}. */
        public Builder binding(String service, java.net.URI baseUri, Duration timeout) {
            deployment.bind(service, baseUri, timeout);
            return this;
        }

        /** How long an HTTP binding waits to connect and for each read, unless its own timeout is set. Default 10 s. */
        public Builder bindingTimeout(Duration timeout) {
            deployment.timeout(timeout);
            return this;
        }

        /**
         * The internal listener, named {@value #INTERNAL_LISTENER}, on {@code port} (0 picks a free
         * one): it serves the routes of every service this process runs, the private ones included,
         * to requests that carry {@code Spur-Credential: <credential>} (401 problem without it), and
         * HTTP bindings to other processes send the same credential. Keep its port off the public
         * network. The credential has at least 16 characters.
         */
        public Builder internalListener(int port, String credential) {
            deployment.internal(port, Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /** The shared credential HTTP bindings send, for a process that calls others but has no internal listener. */
        public Builder internalCredential(String credential) {
            deployment.internal(deployment.internalPort(), Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * Whether {@code GET /openapi} serves the OpenAPI 3.1 document the processor wrote for the
         * router (JSON, with an {@code ETag}; {@code HEAD} too). On by default. A route of the
         * application's own at exactly {@code /openapi} always wins over the document; a catch-all
         * does not. The document goes through the application's layers like any route.
         */
        public Builder openApi(boolean enabled) {
            this.openApi = enabled;
            return this;
        }

        /**
         * Serves {@code content} under {@code prefix} ({@code "/assets"}, or {@code "/"} for every
         * path) through Helidon's static-content support: a {@code GET} or {@code HEAD} request
         * whose path lies below the prefix and that no route matches (for any method) and no hijack
         * took gets the file, with the content type, {@code ETag}, {@code Last-Modified}, 304 and
         * byte ranges Helidon gives; routes always win. The rest of the path must be a
         * {@link SafePath} (else 400); {@code .class} files and hidden files are never served. It
         * runs inside the application layers like a route (they see the status); an in-memory
         * exchange (a binding call or the in-process test client) never reaches it. Calling it again
         * with the same prefix replaces the content.
         */
        public Builder staticContent(String prefix, StaticContent content) {
            staticContent.put(dev.spur.runtime.internal.StaticFiles.checkPrefix(Objects.requireNonNull(prefix, "prefix")),
                    Objects.requireNonNull(content, "content"));
            return this;
        }

        /** Applies further Helidon settings (limits, TLS, ...) after Spur's own. */
        public Builder configure(Consumer<WebServerConfig.Builder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** Starts the server. */
        public SpurServer start() {
            deployment.apply(router);
            Router served = dev.spur.runtime.internal.StaticFiles.around(
                    openApi ? OpenApiRouter.around(router) : router, staticContent);
            Handler dispatcher = cors == null ? new Dispatcher(served, layers)
                    : preflightsToCors(new Dispatcher(served, layers));
            DirectHandlers problems = TransportProblems.handlers();
            WebServerConfig.Builder config = WebServer.builder()
                    .shutdownGracePeriod(shutdownGrace)
                    .shutdownHook(false)
                    .routing(routing -> routing.addFeature(new SpurRoutes(dispatcher)));
            limits(config, problems).port(port);
            listeners.forEach((name, listenerPort) -> config.putSocket(name, socket -> limits(socket, problems)
                    .name(name)
                    .port(listenerPort)
                    .routing(routing -> routing.addFeature(new SpurRoutes(dispatcher)))));
            if (deployment.internalPort() != null) {
                if (listeners.containsKey(INTERNAL_LISTENER)) {
                    throw new IllegalArgumentException("Listener '" + INTERNAL_LISTENER + "' is the internal listener's "
                            + "name; give the other listener another name");
                }
                Handler internal = new Dispatcher(served, layers, deployment.credential());
                config.putSocket(INTERNAL_LISTENER, socket -> limits(socket, problems)
                        .name(INTERNAL_LISTENER)
                        .port(deployment.internalPort())
                        .routing(routing -> routing.addFeature(new SpurRoutes(internal))));
            }
            if (cors != null) {
                // its filter validates every request and sets the CORS headers; its OPTIONS route
                // answers preflights, which the catch-all route hands on to it
                config.addFeature(CorsFeature.create(cors));
            }
            customizer.accept(config);
            if (routeTable == null && Boolean.getBoolean("spur.routes.print")) {
                printRoutes();
            }
            Runnable afterStop = served instanceof dev.spur.runtime.internal.StaticFiles files ? files::stop : () -> { };
            SpurServer started = new SpurServer(config.build().start(), afterStop);
            if (routeTable != null) {
                routeTable.accept(router.routes().size() + " routes:");
                for (RouteInfo route : router.routes()) {
                    routeTable.accept("  " + route.describe() + " -> " + route.handler()
                            + (route.layers().isEmpty() ? "" : " via " + String.join(", ", route.layers()))
                            + (router.services().isPresent() ? " (" + route.describeService() + ")" : ""));
                }
                if (openApi && OpenApiRouter.around(router) != router) {
                    routeTable.accept("  GET " + OpenApiRouter.PATH + " -> the OpenAPI document (SpurServer)");
                }
                staticContent.forEach((prefix, content) -> routeTable.accept("  GET " + prefix
                        + (prefix.endsWith("/") ? "" : "/") + "... -> static content (SpurServer)"));
            }
            return started;
        }

        /**
         * {@code dispatcher} for every request but a CORS preflight ({@code OPTIONS} with
         * {@code Origin} and {@code Access-Control-Request-Method}), which goes on to the OPTIONS
         * route Helidon's CORS feature adds after Spur's catch-all route.
         */
        private static Handler preflightsToCors(Handler dispatcher) {
            return (request, response) -> {
                if (request.prologue().method() == Method.OPTIONS
                        && request.headers().contains(HeaderNames.ORIGIN)
                        && request.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
                    response.next();
                } else {
                    dispatcher.handle(request, response);
                }
            };
        }

        /** The settings every listener shares: address, limits and problem answers for refused requests. */
        private <B extends ListenerConfig.BuilderBase<B, ?>> B limits(B listener, DirectHandlers problems) {
            Http1Config http1 = Http1Config.builder()
                    .maxPrologueLength(maxRequestLineLength)
                    .maxHeadersSize(maxHeaderSize)
                    // 100 Continue only when a handler starts reading the body; an answer sent
                    // without it closes the connection (Dispatcher), never reads the body as a request
                    .continueImmediately(false)
                    .build();
            listener.protocolsDiscoverServices(false);
            if (http2) {
                // after the guard: it takes only connections that start with the exact preface,
                // and TLS connections that negotiate h2 (ALPN)
                listener.addConnectionSelector(Http2ConnectionSelector.builder()
                        .http2Config(Http2Config.builder().build()).build());
            }
            if (tls != null) {
                listener.tls(tls);
            }
            return listener.host(host)
                    .maxPayloadSize(maxPayloadSize)
                    .maxTcpConnections(maxConnections)
                    .maxConcurrentRequests(maxConcurrentRequests)
                    .idleConnectionTimeout(idleConnectionTimeout)
                    // HTTP/2 writes a HEADERS and a DATA frame per answer: without TCP_NODELAY the
                    // second waits for the client's delayed ACK (~40 ms per request)
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .addProtocol(http1)
                    // every connection reads through Spur's strict HTTP/1.1 framing first
                    .addConnectionSelector(new Http1Guard(http1, maxPayloadSize, http2))
                    // synchronous writes: an answer is on the wire before a connection is closed
                    .writeQueueLength(0)
                    .directHandlers(problems)
                    // Helidon passes its message to the direct handler only with includeEntity; the
                    // handler reads it to tell 431 from 400 and never writes it into the answer.
                    .errorHandling(errors -> errors.includeEntity(true));
        }

        private static int limitOrUnlimited(int value, String name) {
            if (value == 0 || value < -1) {
                throw new IllegalArgumentException(name + " must be -1 (no limit) or positive: " + value);
            }
            return value;
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
