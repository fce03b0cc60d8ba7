package dev.spur.example;

import dev.spur.Match;
import dev.spur.Route;

import java.time.Duration;
import java.time.Instant;

/** Control endpoints, served only on the {@code admin} listener (its own port), never on the public one. */
@Match(listener = "admin")
@Route(path = "/admin")
public class AdminHandlers {

    private final Instant started = Instant.now();

    /** Liveness with uptime. */
    public record Health(String status, long uptimeSeconds) {
    }

    /** Whether the service is up. */
    @Route(path = "/health")
    public Health health() {
        return new Health("UP", Duration.between(started, Instant.now()).toSeconds());
    }
}
