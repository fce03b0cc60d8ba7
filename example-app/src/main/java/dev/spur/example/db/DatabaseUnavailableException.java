package dev.spur.example.db;

/**
 * The database could not be reached, or no connection came free within {@code db.pool.timeout}:
 * the example app answers 503 with {@code Retry-After}. Its message never carries the driver's.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The database is unavailable; {@code cause} is the driver's or the pool's exception, kept for the log. */
    public DatabaseUnavailableException(Throwable cause) {
        super("database unavailable", cause);
    }
}
