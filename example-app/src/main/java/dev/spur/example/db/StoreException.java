package dev.spur.example.db;

import java.sql.SQLException;

/** A statement the database refused for a reason the app does not answer specially: a 500. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}. */
    public StoreException(SQLException cause) {
        super("store failure (SQLState " + cause.getSQLState() + ")", cause);
    }
}
