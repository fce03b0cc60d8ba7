package dev.spur.example.bookmarks;

import dev.spur.example.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Bookmarks and notes in SQL (the schema is {@code db/migration/V1__bookmarks.sql}), through
 * prepared statements only. Each method runs in the request's transaction when a
 * {@link dev.spur.example.layers.Transactional} layer opened one, else in its own.
 *
 * <p>Changes to a bookmark are optimistic: {@code UPDATE ... WHERE id = ? AND version = ?}, so two
 * concurrent changes cannot both apply to the same version. The loser reads the bookmark again and
 * tests its precondition against the new state: a stale {@code If-Match} then fails (412), an
 * unconditional change applies on top of the winner's (and answers with its own, later version).
 * A bookmark is read with its tags in one statement, so its version and its tags always belong
 * together.
 */
public final class SqlBookmarkStore implements BookmarkStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final Clock clock;

    /** A store in {@code db} that stamps times from the UTC clock. */
    public SqlBookmarkStore(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A store in {@code db} that stamps times from {@code clock}. */
    public SqlBookmarkStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Bookmark create(String url, String title, List<String> tags) {
        return db.work(c -> {
            checkUnique(c, url, 0);
            List<String> sorted = sorted(tags);
            String created = clock.instant().toString();
            long id;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bookmark (url, title, version, created) VALUES (?, ?, 1, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, url);
                insert.setString(2, title);
                insert.setString(3, created);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            } catch (SQLException e) {
                throw duplicateOr(e, url);
            }
            writeTags(c, id, sorted);
            return new Bookmark(id, url, title, sorted, 1, created);
        });
    }

    @Override
    public Optional<Bookmark> find(long id) {
        return db.work(c -> read(c, id));
    }

    @Override
    public List<Bookmark> all() {
        return db.work(c -> {
            List<Bookmark> all = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT b.id, b.url, b.title, b.version, b.created, t.tag FROM bookmark b"
                            + " LEFT JOIN bookmark_tag t ON t.bookmark_id = b.id ORDER BY b.id, t.tag");
                 ResultSet rs = select.executeQuery()) {
                boolean more = rs.next();
                while (more) {
                    long id = rs.getLong(1);
                    String url = rs.getString(2);
                    String title = rs.getString(3);
                    long version = rs.getLong(4);
                    String created = rs.getString(5);
                    List<String> tags = new ArrayList<>();
                    do {
                        String tag = rs.getString(6);
                        if (tag != null) {
                            tags.add(tag);
                        }
                        more = rs.next();
                    } while (more && rs.getLong(1) == id);
                    all.add(new Bookmark(id, url, title, sorted(tags), version, created));
                }
            }
            return List.copyOf(all);
        });
    }

    @Override
    public Optional<Bookmark> replace(long id, Predicate<Bookmark> precondition, String url, String title,
                                      List<String> tags) {
        return db.work(c -> {
            while (true) {
                Optional<Bookmark> found = read(c, id);
                if (found.isEmpty()) {
                    return Optional.<Bookmark>empty();
                }
                Bookmark current = found.get();
                if (!precondition.test(current)) {
                    throw new PreconditionFailedException(current);
                }
                checkUnique(c, url, id);
                Bookmark next = new Bookmark(id, url, title, sorted(tags), current.version() + 1, current.created());
                if (update(c, current.version(), next)) {
                    return Optional.of(next);
                }
                // another change won the version: read again and test the precondition on its result
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return db.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bookmark WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Bookmark> addTag(long id, String tag) {
        return retag(id, tags -> {
            tags.add(tag);
            return tags;
        });
    }

    @Override
    public Optional<Bookmark> removeTag(long id, String tag) {
        return retag(id, tags -> {
            tags.remove(tag);
            return tags;
        });
    }

    @Override
    public List<TagCount> tagCounts() {
        return db.work(c -> {
            List<TagCount> counts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT tag, COUNT(*) FROM bookmark_tag GROUP BY tag ORDER BY tag");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.add(new TagCount(rs.getString(1), rs.getInt(2)));
                }
            }
            return List.copyOf(counts);
        });
    }

    @Override
    public Optional<Note> addNote(long bookmarkId, String text) {
        return db.work(c -> {
            if (!exists(c, bookmarkId)) {
                return Optional.<Note>empty();
            }
            String created = clock.instant().toString();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO note (bookmark_id, text, created) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, bookmarkId);
                insert.setString(2, text);
                insert.setString(3, created);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new Note(keys.getLong(1), bookmarkId, text, created));
                }
            }
        });
    }

    @Override
    public Optional<List<Note>> notes(long bookmarkId) {
        return db.work(c -> {
            if (!exists(c, bookmarkId)) {
                return Optional.<List<Note>>empty();
            }
            List<Note> notes = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, text, created FROM note WHERE bookmark_id = ? ORDER BY id")) {
                select.setLong(1, bookmarkId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        notes.add(new Note(rs.getLong(1), bookmarkId, rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return Optional.of(List.copyOf(notes));
        });
    }

    @Override
    public Optional<Note> note(long bookmarkId, long noteId) {
        return db.work(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT text, created FROM note WHERE bookmark_id = ? AND id = ?")) {
                select.setLong(1, bookmarkId);
                select.setLong(2, noteId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Note(noteId, bookmarkId, rs.getString(1), rs.getString(2)))
                            : Optional.<Note>empty();
                }
            }
        });
    }

    @Override
    public boolean deleteNote(long bookmarkId, long noteId) {
        return db.work(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM note WHERE bookmark_id = ? AND id = ?")) {
                delete.setLong(1, bookmarkId);
                delete.setLong(2, noteId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private Optional<Bookmark> retag(long id, UnaryOperator<TreeSet<String>> change) {
        return db.work(c -> {
            while (true) {
                Optional<Bookmark> found = read(c, id);
                if (found.isEmpty()) {
                    return Optional.<Bookmark>empty();
                }
                Bookmark current = found.get();
                List<String> tags = List.copyOf(change.apply(new TreeSet<>(current.tags())));
                if (tags.equals(current.tags())) {
                    return found;
                }
                Bookmark next = new Bookmark(id, current.url(), current.title(), tags, current.version() + 1,
                        current.created());
                if (update(c, current.version(), next)) {
                    return Optional.of(next);
                }
            }
        });
    }

    /** Writes {@code next} when the row still has {@code version}; false when another change came first. */
    private static boolean update(Connection c, long version, Bookmark next) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE bookmark SET url = ?, title = ?, version = ? WHERE id = ? AND version = ?")) {
            update.setString(1, next.url());
            update.setString(2, next.title());
            update.setLong(3, next.version());
            update.setLong(4, next.id());
            update.setLong(5, version);
            if (update.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw duplicateOr(e, next.url());
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM bookmark_tag WHERE bookmark_id = ?")) {
            delete.setLong(1, next.id());
            delete.executeUpdate();
        }
        writeTags(c, next.id(), next.tags());
        return true;
    }

    private static void writeTags(Connection c, long id, List<String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bookmark_tag (bookmark_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                insert.setLong(1, id);
                insert.setString(2, tag);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The bookmark and its tags in one statement, so in one snapshot of the database: a change
     * committed between two statements cannot pair one version's row with another version's tags
     * (which would send an {@code ETag} that does not name the body).
     */
    private static Optional<Bookmark> read(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT b.url, b.title, b.version, b.created, t.tag FROM bookmark b"
                        + " LEFT JOIN bookmark_tag t ON t.bookmark_id = b.id WHERE b.id = ? ORDER BY t.tag")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String url = rs.getString(1);
                String title = rs.getString(2);
                long version = rs.getLong(3);
                String created = rs.getString(4);
                List<String> tags = new ArrayList<>();
                do {
                    String tag = rs.getString(5);
                    if (tag != null) {
                        tags.add(tag);
                    }
                } while (rs.next());
                return Optional.of(new Bookmark(id, url, title, sorted(tags), version, created));
            }
        }
    }

    private static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM bookmark WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Another bookmark with {@code url} is a {@link DuplicateUrlException} naming it. */
    private static void checkUnique(Connection c, String url, long exceptId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM bookmark WHERE url = ? AND id <> ?")) {
            select.setString(1, url);
            select.setLong(2, exceptId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new DuplicateUrlException(rs.getLong(1), url);
                }
            }
        }
    }

    /**
     * A unique violation that the check did not see (a concurrent insert of the URL committed in
     * between) is still a {@link DuplicateUrlException}; its id is unknown here (0), the
     * transaction being aborted.
     */
    private static SQLException duplicateOr(SQLException e, String url) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new DuplicateUrlException(0, url);
        }
        return e;
    }

    private static List<String> sorted(List<String> tags) {
        return List.copyOf(new TreeSet<>(tags));
    }
}
