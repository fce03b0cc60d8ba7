package dev.spur.runtime;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a server's settings from Helidon Config ({@code application.yaml} on the class path,
 * environment variables such as {@code SERVER_PORT}, system properties such as
 * {@code -Dserver.port=9090}) onto a {@link SpurServer.Builder}. An unknown key or a malformed value
 * fails start-up with an exception naming the key.
 *
 * <table>
 *   <caption>Keys under the node given (usually {@code server})</caption>
 *   <tr><th>key</th><th>value</th><th>default</th></tr>
 *   <tr><td>{@code host}</td><td>address to bind</td><td>{@code 0.0.0.0}</td></tr>
 *   <tr><td>{@code port}</td><td>0 to 65535 (0 picks a free port)</td><td>8080</td></tr>
 *   <tr><td>{@code listeners.<name>}</td><td>port of another listener</td><td>none</td></tr>
 *   <tr><td>{@code max-payload-size}</td><td>bytes, above 0</td><td>10485760</td></tr>
 *   <tr><td>{@code max-request-line-length}</td><td>bytes, above 0</td><td>8192</td></tr>
 *   <tr><td>{@code max-header-size}</td><td>bytes, above 0</td><td>16384</td></tr>
 *   <tr><td>{@code max-connections}</td><td>above 0</td><td>unlimited</td></tr>
 *   <tr><td>{@code max-concurrent-requests}</td><td>above 0</td><td>unlimited</td></tr>
 *   <tr><td>{@code http2}</td><td>{@code true} or {@code false}: h2c prior knowledge and h2 over TLS (ALPN)</td><td>{@code true}</td></tr>
 *   <tr><td>{@code idle-connection-timeout}</td><td>ISO-8601 duration ({@code PT5M})</td><td>{@code PT5M}</td></tr>
 *   <tr><td>{@code shutdown-grace-period}</td><td>ISO-8601 duration</td><td>{@code PT5S}</td></tr>
 *   <tr><td>{@code print-routes}</td><td>{@code true} or {@code false}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code openapi.enabled}</td><td>{@code true} or {@code false}: serve {@code GET /openapi}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code services}</td><td>the services this process runs, comma-separated or a list</td><td>all</td></tr>
 *   <tr><td>{@code bindings.<service>.uri}</td><td>base URI of the process that runs {@code <service>}</td><td>in process</td></tr>
 *   <tr><td>{@code bindings.<service>.timeout}</td><td>ISO-8601 duration</td><td>{@code binding-timeout}</td></tr>
 *   <tr><td>{@code binding-timeout}</td><td>ISO-8601 duration: connect and each read of an HTTP binding</td><td>{@code PT10S}</td></tr>
 *   <tr><td>{@code internal.port}</td><td>port of the internal listener (private services, with the credential)</td><td>none</td></tr>
 *   <tr><td>{@code internal.credential}</td><td>shared secret of at least 16 characters</td><td>none</td></tr>
 * </table>
 */
public final class ServerSettings {

    private static final List<String> KEYS = List.of("host", "port", "listeners", "max-payload-size",
            "max-request-line-length", "max-header-size", "max-connections", "max-concurrent-requests",
            "idle-connection-timeout", "shutdown-grace-period", "print-routes", "openapi", "http2", "services",
            "bindings", "binding-timeout", "internal");

    private ServerSettings() {
    }

    /** Applies the settings under {@code node} to {@code builder}; an absent node changes nothing. */
    static void apply(Config node, SpurServer.Builder builder) {
        if (!node.exists()) {
            return;
        }
        for (Config child : node.asNodeList().orElse(List.of())) {
            if (!KEYS.contains(child.name())) {
                throw new IllegalArgumentException("Unknown configuration key '" + child.key() + "'; the keys of '"
                        + node.key() + "' are " + String.join(", ", KEYS));
            }
        }
        text(node, "host").ifPresent(builder::host);
        number(node, "port", 0, 65_535).ifPresent(p -> builder.port(p.intValue()));
        Config listeners = node.get("listeners");
        if (listeners.exists()) {
            for (Config listener : listeners.asNodeList().orElse(List.of())) {
                builder.listener(listener.name(), number(listeners, listener.name(), 0, 65_535).orElseThrow().intValue());
            }
        }
        number(node, "max-payload-size", 1, Long.MAX_VALUE).ifPresent(builder::maxPayloadSize);
        number(node, "max-request-line-length", 1, Integer.MAX_VALUE).ifPresent(n -> builder.maxRequestLineLength(n.intValue()));
        number(node, "max-header-size", 1, Integer.MAX_VALUE).ifPresent(n -> builder.maxHeaderSize(n.intValue()));
        number(node, "max-connections", 1, Integer.MAX_VALUE).ifPresent(n -> builder.maxConnections(n.intValue()));
        number(node, "max-concurrent-requests", 1, Integer.MAX_VALUE)
                .ifPresent(n -> builder.maxConcurrentRequests(n.intValue()));
        duration(node, "idle-connection-timeout").ifPresent(builder::idleConnectionTimeout);
        duration(node, "shutdown-grace-period").ifPresent(builder::shutdownGracePeriod);
        Config openApi = node.get("openapi");
        if (openApi.exists()) {
            for (Config child : openApi.asNodeList().orElse(List.of())) {
                if (!child.name().equals("enabled")) {
                    throw new IllegalArgumentException("Unknown configuration key '" + child.key() + "'; the keys of '"
                            + openApi.key() + "' are enabled");
                }
            }
            text(openApi, "enabled").map(v -> parse(openApi.get("enabled"), v, ServerSettings::bool, "true or false"))
                    .ifPresent(builder::openApi);
        }
        text(node, "http2").map(v -> parse(node.get("http2"), v, ServerSettings::bool, "true or false"))
                .ifPresent(builder::http2);
        services(node, builder);
        text(node, "print-routes").map(v -> parse(node.get("print-routes"), v, ServerSettings::bool, "true or false"))
                .filter(Boolean::booleanValue).ifPresent(on -> builder.printRoutes());
    }

    /** The {@code services}, {@code bindings}, {@code binding-timeout} and {@code internal} keys. */
    private static void services(Config node, SpurServer.Builder builder) {
        services(node.get("services")).ifPresent(names -> builder.services(names.toArray(String[]::new)));
        duration(node, "binding-timeout").ifPresent(builder::bindingTimeout);
        Config internal = node.get("internal");
        if (internal.exists()) {
            only(internal, List.of("port", "credential"));
            String credential = text(internal, "credential").orElse(null);
            if (credential != null && credential.length() < dev.spur.runtime.services.Deployment.MIN_CREDENTIAL_LENGTH) {
                throw new IllegalArgumentException("Configuration key '" + internal.get("credential").key()
                        + "' must have at least " + dev.spur.runtime.services.Deployment.MIN_CREDENTIAL_LENGTH
                        + " characters");
            }
            java.util.Optional<Long> port = number(internal, "port", 0, 65_535);
            if (port.isPresent() && credential == null) {
                throw new IllegalArgumentException("Configuration key '" + internal.get("port").key()
                        + "' needs '" + internal.get("credential").key() + "' beside it");
            }
            if (port.isPresent()) {
                builder.internalListener(port.get().intValue(), credential);
            } else if (credential != null) {
                builder.internalCredential(credential);
            }
        }
        Config bindings = node.get("bindings");
        if (bindings.exists()) {
            for (Config binding : bindings.asNodeList().orElse(List.of())) {
                only(binding, List.of("uri", "timeout"));
                String uri = text(binding, "uri").orElseThrow(() -> new IllegalArgumentException(
                        "Configuration key '" + binding.get("uri").key() + "' is missing"));
                java.net.URI base = parse(binding.get("uri"), uri, java.net.URI::create, "a URI such as http://audit:8090");
                try {
                    builder.binding(binding.name(), base, duration(binding, "timeout").orElse(null));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Configuration key '" + binding.get("uri").key() + "': "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * The services a {@code services} setting names ({@code gateway, audit} or a list), empty when
     * it is absent (every service runs); an empty list is an {@link IllegalArgumentException}
     * naming the key. For an application that decides before it builds its server what this
     * process needs (a database only some services use, say).
     */
    public static java.util.Optional<List<String>> services(Config services) {
        if (!services.exists()) {
            return java.util.Optional.empty();
        }
        List<String> names = services.isLeaf()
                ? java.util.Arrays.stream(services.asString().get().split(",")).map(String::trim)
                        .filter(n -> !n.isEmpty()).toList()
                : services.asList(String.class).get().stream().map(String::trim).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Configuration key '" + services.key() + "' must name at least one service");
        }
        return java.util.Optional.of(names);
    }

    private static void only(Config node, List<String> keys) {
        for (Config child : node.asNodeList().orElse(List.of())) {
            if (!keys.contains(child.name())) {
                throw new IllegalArgumentException("Unknown configuration key '" + child.key() + "'; the keys of '"
                        + node.key() + "' are " + String.join(", ", keys));
            }
        }
    }

    private static java.util.Optional<String> text(Config node, String key) {
        Config value = node.get(key);
        if (!value.exists()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(value.asString().get().trim());
        } catch (ConfigException e) {
            throw new IllegalArgumentException("Configuration key '" + value.key() + "' must be a single value", e);
        }
    }

    private static java.util.Optional<Long> number(Config node, String key, long min, long max) {
        return text(node, key).map(v -> {
            long n = parse(node.get(key), v, Long::parseLong, "an integer");
            if (n < min || n > max) {
                throw new IllegalArgumentException("Configuration key '" + node.get(key).key() + "' must be within "
                        + min + ".." + max + ", not " + n);
            }
            return n;
        });
    }

    private static java.util.Optional<Duration> duration(Config node, String key) {
        return text(node, key).map(v -> {
            Duration d = parse(node.get(key), v, Duration::parse, "an ISO-8601 duration such as PT30S");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Configuration key '" + node.get(key).key()
                        + "' must be a positive duration, not " + v);
            }
            return d;
        });
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <T> T parse(Config value, String text, Function<String, T> parser, String what) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("Configuration key '" + value.key() + "' must be " + what + ", not '"
                    + text + "'", e);
        }
    }
}
