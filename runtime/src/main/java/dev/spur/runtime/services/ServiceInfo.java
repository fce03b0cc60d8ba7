package dev.spur.runtime.services;

import dev.spur.Service;

import java.util.Objects;

/**
 * A service of the application as the processor read it: its name, who may reach it, and the host
 * a public one answers on (empty for any).
 */
public record ServiceInfo(String name, Service.Visibility visibility, String host) {

    /** Checks the fields. */
    public ServiceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(host, "host");
    }

    /** Whether only the application's own services may reach it. */
    public boolean isPrivate() {
        return visibility == Service.Visibility.PRIVATE;
    }
}
