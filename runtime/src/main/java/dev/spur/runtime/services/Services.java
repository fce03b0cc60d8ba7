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
        BindingTransport inProcess = new InProcessTransport(router);
        for (ServiceInfo service : this.services) {
            bindings.put(service.name(), new Binding(service.name(), inProcess));
        }
    }

    /** The services, in the order the router numbers them. */
    public List<ServiceInfo> all() {
        return services;
    }

    /** The service {@code name}; fails when there is none. */
    public ServiceInfo service(String name) {
        return services.get(index(name));
    }

    /** The service of route {@code route}. */
    public ServiceInfo serviceOf(int route) {
        return services.get(routeServices[route]);
    }

    /** The binding to service {@code name}; fails when there is none. */
    public Binding binding(String name) {
        index(name);
        return bindings.get(name);
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
    }

    /** Sends the calls of the binding to service {@code name} through {@code transport}. */
    public void connect(String name, BindingTransport transport) {
        bindings.get(services.get(index(name)).name()).transport(transport);
    }

    /** The names of the services this process does not run, whose bindings are not connected elsewhere. */
    public Set<String> unconnected() {
        Set<String> missing = new TreeSet<>();
        for (int i = 0; i < services.size(); i++) {
            if (!running[i] && bindings.get(services.get(i).name()).transport() instanceof InProcessTransport) {
                missing.add(services.get(i).name());
            }
        }
        return missing;
    }

    /** Whether any service is private. */
    public boolean hasPrivate() {
        return services.stream().anyMatch(ServiceInfo::isPrivate);
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
