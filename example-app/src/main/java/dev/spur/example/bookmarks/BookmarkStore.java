package dev.spur.example.bookmarks;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where bookmarks and their notes are kept. Every method is atomic: a check and the change that
 * depends on it, such as URL uniqueness or an {@code If-Match} precondition, cannot interleave with
 * another request's change. {@link SqlBookmarkStore} keeps them in a database (the app's store);
 * {@link InMemoryBookmarkStore} in memory.
 */
public interface BookmarkStore {

    /** Another bookmark already has this URL. */
    final class DuplicateUrlException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long existingId;
        private final String url;

        /** Bookmark {@code existingId} already has {@code url}. */
        public DuplicateUrlException(long existingId, String url) {
            super("duplicate URL", null, false, false);
            this.existingId = existingId;
            this.url = url;
        }

        /** The URL two bookmarks would share. */
        public String url() {
            return url;
        }

        /** The id of the bookmark that has the URL. */
        public long existingId() {
            return existingId;
        }
    }

    /** A conditional change whose precondition did not hold of the current bookmark. */
    final class PreconditionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Bookmark current;

        /** The precondition did not hold of {@code current}. */
        public PreconditionFailedException(Bookmark current) {
            super("precondition failed", null, false, false);
            this.current = current;
        }

        /** The bookmark as it is now. */
        public Bookmark current() {
            return current;
        }
    }

    /** Adds a bookmark; throws {@link DuplicateUrlException} when another one has the URL. */
    Bookmark create(String url, String title, List<String> tags);

    /** The bookmark with this id. */
    Optional<Bookmark> find(long id);

    /** Every bookmark, by id. */
    List<Bookmark> all();

    /**
     * Replaces a bookmark's URL, title and tags when {@code precondition} holds of its current
     * state; empty when there is no such bookmark. Throws {@link PreconditionFailedException} or
     * {@link DuplicateUrlException}.
     */
    Optional<Bookmark> replace(long id, Predicate<Bookmark> precondition, String url, String title, List<String> tags);

    /** Removes a bookmark and its notes; false when there was none. */
    boolean delete(long id);

    /** Adds a tag to a bookmark (no change when it already has it). */
    Optional<Bookmark> addTag(long id, String tag);

    /** Removes a tag from a bookmark (no change when it does not have it). */
    Optional<Bookmark> removeTag(long id, String tag);

    /** Every tag in use with the number of bookmarks that carry it, by tag. */
    List<TagCount> tagCounts();

    /** Adds a note to a bookmark; empty when there is no such bookmark. */
    Optional<Note> addNote(long bookmarkId, String text);

    /** A bookmark's notes, oldest first; empty when there is no such bookmark. */
    Optional<List<Note>> notes(long bookmarkId);

    /** One note of a bookmark. */
    Optional<Note> note(long bookmarkId, long noteId);

    /** Removes a note; false when the bookmark has no such note. */
    boolean deleteNote(long bookmarkId, long noteId);
}
