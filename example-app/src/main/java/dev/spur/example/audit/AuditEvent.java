package dev.spur.example.audit;

/** What happened to a bookmark ({@code created}, {@code replaced}, {@code deleted}), as the gateway reports it. */
public record AuditEvent(long bookmark, String action) {
}
