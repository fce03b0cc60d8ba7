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
 * </ul>
 *
 * @param url         the JDBC URL
 * @param user        the user name, or empty
 * @param password    the password, or empty
 * @param poolSize    the most connections in the pool
 * @param poolTimeout the longest wait for a connection
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration poolTimeout) {

    /** The embedded H2 file database under {@code ./data} of the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/bookmarks;LOCK_TIMEOUT=10000";

    private static final Set<String> KEYS = Set.of("url", "user", "password", "pool");
    private static final Set<String> POOL_KEYS = Set.of("size", "timeout");

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
    }

    /** The embedded default: {@value #DEFAULT_URL}, no credentials, 10 connections, 2 s wait. */
    public static DatabaseSettings defaults() {
        return of(DEFAULT_URL);
    }

    /** The database at {@code url}, no credentials, with the default pool. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, "", "", 10, Duration.ofSeconds(2));
    }

    /** These settings with the credentials {@code user} and {@code password}. */
    public DatabaseSettings withCredentials(String user, String password) {
        return new DatabaseSettings(url, user, password, poolSize, poolTimeout);
    }

    /** These settings with a pool of {@code size} connections and a wait of at most {@code timeout}. */
    public DatabaseSettings withPool(int size, Duration timeout) {
        return new DatabaseSettings(url, user, password, size, timeout);
    }

    /**
     * Reads the settings under {@code node} (the {@code db} node); an unknown key or a malformed
     * value is an {@link IllegalArgumentException} naming the key.
     */
    public static DatabaseSettings from(Config node) {
        for (Config child : node.asNodeList().orElse(java.util.List.of())) {
            String key = child.name();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown database setting db." + key + " (known: db.url, db.user, "
                        + "db.password, db.pool.size, db.pool.timeout)");
            }
            if (key.equals("pool")) {
                for (Config poolChild : child.asNodeList().orElse(java.util.List.of())) {
                    if (!POOL_KEYS.contains(poolChild.name())) {
                        throw new IllegalArgumentException("Unknown database setting db.pool." + poolChild.name()
                                + " (known: db.pool.size, db.pool.timeout)");
                    }
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
        Duration timeout = node.get("pool.timeout").asString().map(v -> {
            try {
                return Duration.parse(v.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("db.pool.timeout must be an ISO-8601 duration (PT2S), not '" + v + "'");
            }
        }).orElse(Duration.ofSeconds(2));
        return new DatabaseSettings(url, node.get("user").asString().orElse(""),
                node.get("password").asString().orElse(""), size, timeout);
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
                + ", poolTimeout=" + poolTimeout + "]";
    }
}
