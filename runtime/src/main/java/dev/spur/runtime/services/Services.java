package dev.spur.runtime.services;

import dev.spur.Service;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.Router;
import dev.spur.runtime.internal.Conditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services of one generated router: which of them this process runs, who may reach each
 * route, and the binding to each service. The generated router asks {@link #admits} before it
 * runs a route of a declared service; the server configures it once, before it starts.
 */
public final class Services {

    private final List<ServiceInfo> services;
    private final int[] routeServices;
    private final boolean[] running;
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, BindingTransport> connected = new LinkedHashMap<>();
    private final BindingTransport inProcess;

    /**
     * The services of {@code router}, indexed as {@code routeServices} numbers them per route
     * (route {@code i} belongs to service {@code routeServices[i]}); every service runs here, and
     * every binding calls it in process.
     */
    public Services(Router router, List<ServiceInfo> services, int[] routeServices) {
        this.services = List.copyOf(services);
        this.routeServices = routeServices.clone();
        this.running = new boolean[services.size()];
        java.util.Arrays.fill(running, true);
        this.inProcess = new InProcessTransport(router);
    }

    /** The services, in the order the router numbers them. */
    public List<ServiceInfo> all() {
        return services;
    }

    /** The service {@code name}; fails when there is none. */
    public ServiceInfo service(String name) {
        return services.get(index(name));
    }

    /**
     * The binding to service {@code name} (fails when there is none): in process while the service
     * runs here, else over the transport {@link #connect} gave it.
     */
    public synchronized Binding binding(String name) {
        index(name);
        return bindings.computeIfAbsent(name, n -> new Binding(n, transportTo(n)));
    }

    private BindingTransport transportTo(String name) {
        BindingTransport remote = connected.get(name);
        if (remote != null) {
            return remote;
        }
        return running[index(name)] ? inProcess : new Elsewhere(name);
    }

    private synchronized void rebind() {
        bindings.forEach((name, binding) -> binding.transport(transportTo(name)));
    }

    /** Whether this process runs service {@code name}. */
    public boolean runs(String name) {
        return running[index(name)];
    }

    /**
     * Runs only the services {@code names} in this process: the routes of the others answer 404
     * here, and bindings to them need {@link #connect}. An unknown name fails, naming the known ones.
     */
    public void runOnly(Set<String> names) {
        for (String name : names) {
            index(name);
        }
        for (int i = 0; i < services.size(); i++) {
            running[i] = names.contains(services.get(i).name());
        }
        rebind();
    }

    /** Sends the calls of the binding to service {@code name} through {@code transport}. */
    public synchronized void connect(String name, BindingTransport transport) {
        connected.put(services.get(index(name)).name(), java.util.Objects.requireNonNull(transport, "transport"));
        rebind();
    }

    /**
     * The services that the application's classes bind, that this process does not run, and that
     * have no transport to another process.
     */
    public synchronized Set<String> unconnected() {
        Set<String> missing = new TreeSet<>();
        bindings.forEach((name, binding) -> {
            if (binding.transport() instanceof Elsewhere) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** The transport of a service that runs in no known place: every call is a {@link BindingUnavailableException}. */
    private record Elsewhere(String service) implements BindingTransport {
        @Override
        public Exchange send(Exchange request) {
            throw new BindingUnavailableException(service, describe(), null);
        }

        @Override
        public String describe() {
            return "no address (service '" + service + "' does not run in this process; set server.bindings."
                    + service + ".uri)";
        }
    }

    /**
     * Whether route {@code route} (-1 for none) may answer {@code exchange}: its service runs here,
     * and it is public (on its host, when it has one) or the exchange comes from inside the application.
     */
    public boolean admits(int route, Exchange exchange) {
        return route >= 0 && admitsService(routeServices[route], exchange);
    }

    /** Whether service number {@code service} may answer {@code exchange} (see {@link #admits}). */
    public boolean admitsService(int service, Exchange exchange) {
        if (!running[service]) {
            return false;
        }
        ServiceInfo info = services.get(service);
        if (info.visibility() == Service.Visibility.PRIVATE) {
            return exchange.internal();
        }
        return info.host().isEmpty() || Conditions.host(exchange, info.host());
    }

    private int index(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        List<String> known = new ArrayList<>();
        services.forEach(s -> known.add(s.name()));
        throw new IllegalArgumentException("No service '" + name + "'; the application's services are "
                + String.join(", ", known));
    }
}
