package dev.spur.example.db;

import io.helidon.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * Where the example app keeps its data: the {@code db} node of the configuration
 * ({@code application.yaml}, over which environment variables such as {@code DB_URL} and system
 * properties such as {@code -Ddb.url=...} win).
 *
 * <ul>
 *   <li>{@code db.url}: the JDBC URL; {@value #DEFAULT_URL} (an H2 file database under
 *       {@code ./data}, so data survives a restart) when absent</li>
 *   <li>{@code db.user}, {@code db.password}: the credentials (empty by default)</li>
 *   <li>{@code db.pool.size}: the most connections the pool opens (default 10)</li>
 *   <li>{@code db.pool.timeout}: the longest a request waits for a connection before it is
 *       answered 503 (ISO-8601 duration, default {@code PT2S})</li>
 *   <li>{@code db.statement.timeout}: the longest a statement waits for the database's answer
 *       (a frozen server, a network that drops packets) before its connection is given up and the
 *       request answered 503 (ISO-8601 duration, default {@code PT10S}); through JDBC's network
 *       timeout, so it bounds drivers that talk to a server (PostgreSQL); embedded H2 has no
 *       network, its waits for locks are bounded by {@code LOCK_TIMEOUT} in the URL</li>
 * </ul>
 *
 * @param url              the JDBC URL
 * @param user             the user name, or empty
 * @param password         the password, or empty
 * @param poolSize         the most connections in the pool
 * @param poolTimeout      the longest wait for a connection
 * @param statementTimeout the longest wait for the database's answer to one statement
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration poolTimeout,
                               Duration statementTimeout) {

    /**
     * The options of the embedded H2 file database: lock waits end after 10 s (a 503), and every
     * commit is written to the file before it returns ({@code WRITE_DELAY=0}; H2's default writes
     * up to 500 ms later, so a killed process would lose the last commits).
     */
    public static final String H2_OPTIONS = ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";

    /** The embedded H2 file database under {@code ./data} of the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/bookmarks" + H2_OPTIONS;

    private static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> KEYS = Set.of("url", "user", "password", "pool", "statement");
    private static final Set<String> POOL_KEYS = Set.of("size", "timeout");
    private static final Set<String> STATEMENT_KEYS = Set.of("timeout");
    private static final String KNOWN = "db.url, db.user, db.password, db.pool.size, db.pool.timeout, "
            + "db.statement.timeout";

    /** Checks the settings. */
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool.size must be at least 1, not " + poolSize);
        }
        if (poolTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("db.pool.timeout must be at least 250 ms (Hikari's minimum), not "
                    + poolTimeout);
        }
        if (statementTimeout.toMillis() < 100 || statementTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("db.statement.timeout must be at least 100 ms and at most "
                    + Integer.MAX_VALUE + " ms, not " + statementTimeout);
        }
    }

    /** The embedded default: {@value #DEFAULT_URL}, no credentials, 10 connections, 2 s wait. */
    public static DatabaseSettings defaults() {
        return of(DEFAULT_URL);
    }

    /** The database at {@code url}, no credentials, with the default pool and statement timeout. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, "", "", 10, DEFAULT_POOL_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    /** An embedded H2 file database at {@code file} (H2 adds {@code .mv.db}), with the app's H2 options. */
    public static DatabaseSettings embedded(java.nio.file.Path file) {
        return of("jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS);
    }

    /** These settings with the credentials {@code user} and {@code password}. */
    public DatabaseSettings withCredentials(String user, String password) {
        return new DatabaseSettings(url, user, password, poolSize, poolTimeout, statementTimeout);
    }

    /** These settings with a pool of {@code size} connections and a wait of at most {@code timeout}. */
    public DatabaseSettings withPool(int size, Duration timeout) {
        return new DatabaseSettings(url, user, password, size, timeout, statementTimeout);
    }

    /** These settings with statements that wait at most {@code timeout} for the database's answer. */
    public DatabaseSettings withStatementTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, poolSize, poolTimeout, timeout);
    }

    /**
     * Reads the settings under {@code node} (the {@code db} node); an unknown key or a malformed
     * value is an {@link IllegalArgumentException} naming the key.
     */
    public static DatabaseSettings from(Config node) {
        for (Config child : node.asNodeList().orElse(java.util.List.of())) {
            String key = child.name();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown database setting db." + key + " (known: " + KNOWN + ")");
            }
            Set<String> known = key.equals("pool") ? POOL_KEYS : key.equals("statement") ? STATEMENT_KEYS : null;
            if (known == null) {
                continue;   // a value: url, user, password
            }
            if (child.type() != Config.Type.OBJECT) {
                throw new IllegalArgumentException("db." + key + " is a group of settings (" + KNOWN + "), not a value");
            }
            for (Config grandChild : child.asNodeList().orElse(java.util.List.of())) {
                if (!known.contains(grandChild.name())) {
                    throw new IllegalArgumentException("Unknown database setting db." + key + "." + grandChild.name()
                            + " (known: " + KNOWN + ")");
                }
            }
        }
        String url = node.get("url").asString().orElse(DEFAULT_URL);
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("db.url must be a JDBC URL (jdbc:...), not '" + url + "'");
        }
        int size = node.get("pool.size").asString().map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("db.pool.size must be a whole number, not '" + v + "'");
            }
        }).orElse(10);
        Duration timeout = duration(node, "pool.timeout", DEFAULT_POOL_TIMEOUT);
        Duration statementTimeout = duration(node, "statement.timeout", DEFAULT_STATEMENT_TIMEOUT);
        return new DatabaseSettings(url, node.get("user").asString().orElse(""),
                node.get("password").asString().orElse(""), size, timeout, statementTimeout);
    }

    private static Duration duration(Config node, String key, Duration otherwise) {
        return node.get(key).asString().map(v -> {
            try {
                return Duration.parse(v.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("db." + key + " must be an ISO-8601 duration (PT2S), not '" + v + "'");
            }
        }).orElse(otherwise);
    }

    /** The URL without credentials or options, for start-up messages. */
    public String describe() {
        int semicolon = url.indexOf(';');
        int query = url.indexOf('?');
        int end = semicolon < 0 ? (query < 0 ? url.length() : query) : (query < 0 ? semicolon : Math.min(semicolon, query));
        return url.substring(0, end);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + describe() + ", user=" + user + ", poolSize=" + poolSize
                + ", poolTimeout=" + poolTimeout + ", statementTimeout=" + statementTimeout + "]";
    }
}
