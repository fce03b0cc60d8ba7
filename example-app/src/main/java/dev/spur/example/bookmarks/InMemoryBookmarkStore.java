package dev.spur.example.bookmarks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The in-memory store of bookmarks and their notes: the benchmarks' baseline and the tests' fixture
 * (the app itself keeps them in SQL, {@link SqlBookmarkStore}). Every method is atomic (the store is its own
 * lock), so a check and the change that depends on it, such as URL uniqueness or an
 * {@code If-Match} precondition, cannot interleave with another request's change.
 */
public final class InMemoryBookmarkStore implements BookmarkStore {

    private final Clock clock;
    private final TreeMap<Long, Bookmark> bookmarks = new TreeMap<>();
    private final Map<Long, TreeMap<Long, Note>> notes = new TreeMap<>();
    private long lastBookmarkId;
    private long lastNoteId;

    /** An empty store that stamps times from the UTC clock. */
    public InMemoryBookmarkStore() {
        this(Clock.systemUTC());
    }

    /** An empty store that stamps times from {@code clock}. */
    public InMemoryBookmarkStore(Clock clock) {
        this.clock = clock;
    }

    /** Adds a bookmark; throws {@link DuplicateUrlException} when another one has the URL. */
    @Override
    public synchronized Bookmark create(String url, String title, List<String> tags) {
        checkUnique(url, 0);
        long id = ++lastBookmarkId;
        Bookmark bookmark = new Bookmark(id, url, title, sorted(tags), 1, clock.instant().toString());
        bookmarks.put(id, bookmark);
        notes.put(id, new TreeMap<>());
        return bookmark;
    }

    /** The bookmark with this id. */
    @Override
    public synchronized Optional<Bookmark> find(long id) {
        return Optional.ofNullable(bookmarks.get(id));
    }

    /** Every bookmark, by id. */
    @Override
    public synchronized List<Bookmark> all() {
        return List.copyOf(bookmarks.values());
    }

    /**
     * Replaces a bookmark's URL, title and tags when {@code precondition} holds of its current
     * state; empty when there is no such bookmark. Throws {@link PreconditionFailedException} or
     * {@link DuplicateUrlException}.
     */
    @Override
    public synchronized Optional<Bookmark> replace(long id, Predicate<Bookmark> precondition, String url,
                                                   String title, List<String> tags) {
        Bookmark current = bookmarks.get(id);
        if (current == null) {
            return Optional.empty();
        }
        if (!precondition.test(current)) {
            throw new PreconditionFailedException(current);
        }
        checkUnique(url, id);
        return Optional.of(put(new Bookmark(id, url, title, sorted(tags), current.version() + 1, current.created())));
    }

    /** Removes a bookmark and its notes; false when there was none. */
    @Override
    public synchronized boolean delete(long id) {
        notes.remove(id);
        return bookmarks.remove(id) != null;
    }

    /** Adds a tag to a bookmark (no change when it already has it). */
    @Override
    public synchronized Optional<Bookmark> addTag(long id, String tag) {
        return retag(id, tags -> {
            tags.add(tag);
            return tags;
        });
    }

    /** Removes a tag from a bookmark (no change when it does not have it). */
    @Override
    public synchronized Optional<Bookmark> removeTag(long id, String tag) {
        return retag(id, tags -> {
            tags.remove(tag);
            return tags;
        });
    }

    /** Every tag in use with the number of bookmarks that carry it, by tag. */
    @Override
    public synchronized List<TagCount> tagCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        bookmarks.values().forEach(b -> b.tags().forEach(tag -> counts.merge(tag, 1, Integer::sum)));
        return counts.entrySet().stream().map(e -> new TagCount(e.getKey(), e.getValue())).toList();
    }

    /** Adds a note to a bookmark; empty when there is no such bookmark. */
    @Override
    public synchronized Optional<Note> addNote(long bookmarkId, String text) {
        TreeMap<Long, Note> ofBookmark = notes.get(bookmarkId);
        if (ofBookmark == null) {
            return Optional.empty();
        }
        Note note = new Note(++lastNoteId, bookmarkId, text, clock.instant().toString());
        ofBookmark.put(note.id(), note);
        return Optional.of(note);
    }

    /** A bookmark's notes, oldest first; empty when there is no such bookmark. */
    @Override
    public synchronized Optional<List<Note>> notes(long bookmarkId) {
        return Optional.ofNullable(notes.get(bookmarkId)).map(n -> List.copyOf(n.values()));
    }

    /** One note of a bookmark. */
    @Override
    public synchronized Optional<Note> note(long bookmarkId, long noteId) {
        return Optional.ofNullable(notes.get(bookmarkId)).map(n -> n.get(noteId));
    }

    /** Removes a note; false when the bookmark has no such note. */
    @Override
    public synchronized boolean deleteNote(long bookmarkId, long noteId) {
        TreeMap<Long, Note> ofBookmark = notes.get(bookmarkId);
        return ofBookmark != null && ofBookmark.remove(noteId) != null;
    }

    private Optional<Bookmark> retag(long id, UnaryOperator<TreeSet<String>> change) {
        Bookmark current = bookmarks.get(id);
        if (current == null) {
            return Optional.empty();
        }
        List<String> tags = List.copyOf(change.apply(new TreeSet<>(current.tags())));
        if (tags.equals(current.tags())) {
            return Optional.of(current);
        }
        return Optional.of(put(new Bookmark(id, current.url(), current.title(), tags, current.version() + 1,
                current.created())));
    }

    private Bookmark put(Bookmark bookmark) {
        bookmarks.put(bookmark.id(), bookmark);
        return bookmark;
    }

    private void checkUnique(String url, long exceptId) {
        for (Bookmark other : bookmarks.values()) {
            if (other.url().equals(url) && other.id() != exceptId) {
                throw new DuplicateUrlException(other.id(), url);
            }
        }
    }

    private static List<String> sorted(List<String> tags) {
        return List.copyOf(new TreeSet<>(tags));
    }
}
