package dev.spur.example.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The example app's database: a HikariCP pool over the JDBC URL of {@link DatabaseSettings}, its
 * schema brought up to date by Flyway ({@code db/migration} on the class path) when it starts.
 *
 * <p>A transaction is bound to the <em>thread</em> that runs the request: Helidon runs each request
 * on its own virtual thread, and Spur runs a route's layers and its handler on that thread, one
 * inside the other, so the {@link dev.spur.example.layers.Transactional} layer and the store meet
 * there without the store having to see the exchange. The binding is removed when the layer
 * returns, whatever happens. Work outside such a transaction ({@link #work}) runs in a transaction
 * of its own.
 */
public final class Database implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work on {@code connection}. */
        T on(Connection connection) throws SQLException;
    }

    /** The network timeout's executor: drivers that close a timed-out connection run it here. */
    private static final Executor DIRECT = Runnable::run;

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final int statementTimeoutMillis;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.statementTimeoutMillis = (int) settings.statementTimeout().toMillis();
    }

    /**
     * Opens the pool and migrates the schema. The database must be reachable now: a start-up that
     * cannot reach it fails (with the pool's exception) rather than serve 503s from the first request.
     */
    public static Database start(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.poolTimeout().toMillis());
        // Hikari's floor is 250 ms and its ceiling the connection timeout
        config.setValidationTimeout(Math.max(250, Math.min(1000, settings.poolTimeout().toMillis() - 1)));
        config.setPoolName("spur-example");
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(settings, pool);
    }

    /** The settings this database was started with. */
    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Runs {@code work} on the transaction bound to this thread, else in a transaction of its own
     * (committed when it returns, rolled back when it throws). A connection that cannot be had within
     * {@code db.pool.timeout}, or lost, is a {@link DatabaseUnavailableException}; another
     * {@link SQLException} is thrown as is, wrapped in a {@link StoreException}.
     */
    public <T> T work(Work<T> work) {
        Connection current = bound.get();
        try {
            if (current != null) {
                return work.on(current);
            }
            try (Connection own = connect()) {
                own.setAutoCommit(false);
                try {
                    T result = work.on(own);
                    own.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(own, e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Runs {@code body} in one transaction bound to this thread: committed when {@code commit}
     * says so after {@code body} returned, else rolled back (and rolled back when it throws).
     */
    public void inTransaction(Runnable body, BooleanSupplier commit) {
        if (bound.get() != null) {   // nested: the outer transaction decides
            body.run();
            return;
        }
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            bound.set(connection);
            boolean committed = false;
            try {
                body.run();
                if (commit.getAsBoolean()) {
                    connection.commit();
                    committed = true;
                }
            } finally {
                bound.remove();
                if (!committed) {
                    rollbackQuietly(connection, null);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Whether the database answers now: a connection within the pool's wait, and valid within a
     * second. False as well while every pooled connection stays busy for longer than the pool's
     * wait: the app cannot serve then either.
     */
    public boolean reachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * A pooled connection whose reads from the server give up after {@code db.statement.timeout}
     * (JDBC's network timeout): a frozen server or a silent network is then an {@link SQLException}
     * of SQLState class 08, a 503, rather than a request that never ends. The pool sets the
     * connection's own timeout again when it is returned.
     */
    private Connection connect() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setNetworkTimeout(DIRECT, statementTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The exception an {@link SQLException} becomes outside the store. */
    static RuntimeException translate(SQLException e) {
        if (unavailable(e)) {
            return new DatabaseUnavailableException(e);
        }
        return new StoreException(e);
    }

    /** Whether {@code e} says the database is not there (or busy), rather than that a statement is wrong. */
    public static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || e instanceof java.sql.SQLTransientException
                || e instanceof java.sql.SQLRecoverableException
                || (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("HYT00")
                        || state.equals("40001") || state.equals("40P01")));
    }
}
