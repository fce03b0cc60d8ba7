package dev.spur.example.audit;

import dev.spur.Body;
import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Route;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Response;

import java.util.List;
import java.util.Optional;

/** The audit service's routes: record an event, list the events of a bookmark. */
@Route(path = "/audit")
public class AuditHandlers {

    private static final java.util.Set<String> ACTIONS = java.util.Set.of("created", "replaced", "deleted");

    private final AuditLog log;

    /** Handlers over {@code log}. */
    public AuditHandlers(AuditLog log) {
        this.log = log;
    }

    /** Records an event: 201 with the entry. */
    @Route(method = Route.POST, path = "/events")
    public Response record(@Body AuditEvent event, @Header("X-Request-Id") Optional<String> requestId) {
        if (event.bookmark() < 1) {
            throw HttpProblem.badRequest("Field 'bookmark' must be a bookmark id (1 or more).");
        }
        if (event.action() == null || !ACTIONS.contains(event.action())) {
            throw HttpProblem.badRequest("Field 'action' must be one of created, replaced, deleted.");
        }
        return Response.status(201).body(log.record(event, requestId.orElse("")));
    }

    /** The newest events, of one bookmark when {@code bookmark} is given, oldest first. */
    @Route(path = "/events")
    public List<AuditEntry> events(@Query Optional<Long> bookmark, @Query(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw HttpProblem.badRequest("Query parameter 'limit' must be within 1..1000.");
        }
        return log.entries(bookmark.orElse(-1L), limit);
    }
}
