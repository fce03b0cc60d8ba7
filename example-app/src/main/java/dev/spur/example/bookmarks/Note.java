package dev.spur.example.bookmarks;

/**
 * A free-text note attached to a bookmark.
 *
 * @param id         the note's id, unique within the store
 * @param bookmarkId the bookmark it belongs to
 * @param text       the note's text
 * @param created    when the note was written (ISO-8601 instant)
 */
public record Note(long id, long bookmarkId, String text, String created) {
}
