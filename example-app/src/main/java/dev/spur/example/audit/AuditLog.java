package dev.spur.example.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The audit service's memory: every entry in the order recorded, bounded to the newest {@value #CAPACITY}. */
public final class AuditLog {

    /** How many entries the log keeps; older ones are dropped. */
    public static final int CAPACITY = 10_000;

    private final Clock clock;
    private final List<AuditEntry> entries = new ArrayList<>();
    private long sequence;

    /** An empty log with the system clock. */
    public AuditLog() {
        this(Clock.systemUTC());
    }

    /** An empty log that timestamps entries with {@code clock}. */
    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Records {@code event} for the request {@code requestId} (empty when none) and returns the entry. */
    public synchronized AuditEntry record(AuditEvent event, String requestId) {
        AuditEntry entry = new AuditEntry(++sequence, event.bookmark(), event.action(), clock.instant().toString(),
                requestId);
        entries.add(entry);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The newest {@code limit} entries about {@code bookmark} (every bookmark when negative), oldest first. */
    public synchronized List<AuditEntry> entries(long bookmark, int limit) {
        List<AuditEntry> found = entries.stream().filter(e -> bookmark < 0 || e.bookmark() == bookmark).toList();
        return List.copyOf(found.subList(Math.max(0, found.size() - limit), found.size()));
    }
}
