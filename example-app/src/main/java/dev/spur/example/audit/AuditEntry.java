package dev.spur.example.audit;

/**
 * One recorded event: its number in the log, the bookmark, the action, when it was recorded
 * (ISO-8601) and the id of the request that caused it.
 */
public record AuditEntry(long sequence, long bookmark, String action, String at, String requestId) {
}
