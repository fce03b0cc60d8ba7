package dev.spur.runtime.services;

import dev.spur.runtime.Router;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which services one process runs and where the others live: every service in process unless
 * {@link #run} names a subset; a binding to a service that runs elsewhere goes over HTTP to the
 * base URI {@link #bind} gives it, with the shared credential of {@link #internal}. Checked when
 * the server starts: a service this process needs but neither runs nor reaches, a URI for a
 * service that runs here, or a private service run apart with no internal listener, each fail
 * start-up with a message that names the setting.
 */
public final class Deployment {

    /** The shortest shared credential accepted: 16 characters. */
    public static final int MIN_CREDENTIAL_LENGTH = 16;

    private Set<String> run;
    private final Map<String, URI> bindings = new LinkedHashMap<>();
    private final Map<String, Duration> timeouts = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(10);
    private Integer internalPort;
    private String credential;

    /** Runs only {@code services} in this process (default: every service). */
    public void run(Set<String> services) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("A process runs at least one service");
        }
        this.run = Set.copyOf(new LinkedHashSet<>(services));
    }

    /** Sends bindings to {@code service} over HTTP to {@code base} ({@code http://audit:8090}), within {@code timeout} (null: the default). */
    public void bind(String service, URI base, Duration timeout) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(base, "base");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("The base URI of service '" + service
                    + "' must be http:// or https:// with a host, not " + base);
        }
        if (base.getRawPath() != null && !base.getRawPath().isEmpty() && !base.getRawPath().equals("/")
                || base.getRawQuery() != null) {
            throw new IllegalArgumentException("The base URI of service '" + service
                    + "' is scheme, host and port only (routes keep their own paths), not " + base);
        }
        bindings.put(service, base);
        if (timeout != null) {
            timeouts.put(service, positive(timeout, "The timeout of service '" + service + "'"));
        }
    }

    /** The timeout of HTTP bindings that set none: connecting and each read. Default 10 s. */
    public void timeout(Duration timeout) {
        this.timeout = positive(timeout, "The binding timeout");
    }

    /**
     * The internal listener on {@code port} (0 picks a free one; null for none) and the shared
     * {@code credential} that it requires and that HTTP bindings send.
     */
    public void internal(Integer port, String credential) {
        if (credential != null && credential.length() < MIN_CREDENTIAL_LENGTH) {
            throw new IllegalArgumentException("The internal credential must have at least " + MIN_CREDENTIAL_LENGTH
                    + " characters");
        }
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("The internal port must be within 0..65535: " + port);
        }
        this.internalPort = port;
        this.credential = credential;
    }

    /** The internal listener's port, or null when there is none. */
    public Integer internalPort() {
        return internalPort;
    }

    /** The shared credential, or null. */
    public String credential() {
        return credential;
    }

    /** Configures {@code router}'s services; a contradiction is an {@link IllegalArgumentException} that names the setting. */
    public void apply(Router router) {
        Services services = router.services().orElse(null);
        if (services == null) {
            if (run != null || !bindings.isEmpty()) {
                throw new IllegalArgumentException("The router declares no @Service, so server.services and "
                        + "server.bindings have nothing to configure");
            }
            return;
        }
        if (run != null) {
            services.runOnly(run);
        }
        if (internalPort != null && credential == null) {
            throw new IllegalArgumentException("The internal listener (server.internal.port) needs the shared "
                    + "credential server.internal.credential");
        }
        for (Map.Entry<String, URI> binding : bindings.entrySet()) {
            String name = binding.getKey();
            services.service(name);
            if (services.runs(name)) {
                throw new IllegalArgumentException("Service '" + name + "' runs in this process, so "
                        + "server.bindings." + name + " would send its calls elsewhere; remove it, or leave '" + name
                        + "' out of server.services");
            }
            if (credential == null) {
                throw new IllegalArgumentException("server.bindings." + name + " calls another process, which needs "
                        + "the shared credential server.internal.credential");
            }
            services.connect(name, new HttpTransport(name, binding.getValue(), timeouts.getOrDefault(name, timeout),
                    credential));
        }
        Set<String> missing = services.unconnected();
        if (!missing.isEmpty()) {
            String first = missing.iterator().next();
            throw new IllegalArgumentException("Services " + missing + " do not run in this process (server.services) "
                    + "and have no address: set server.bindings." + first + ".uri to the base URI of the process "
                    + "that runs " + first);
        }
        if (run != null && internalPort == null) {
            List<String> apart = services.all().stream().filter(s -> s.isPrivate() && services.runs(s.name()))
                    .map(ServiceInfo::name).toList();
            if (!apart.isEmpty()) {
                throw new IllegalArgumentException("Private services " + apart + " run apart from the others "
                        + "(server.services), so the others reach them only on the internal listener: set "
                        + "server.internal.port and server.internal.credential");
            }
        }
    }

    private static Duration positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        return duration;
    }
}
