package dev.spur.example.bookmarks;

/**
 * How many bookmarks carry a tag.
 *
 * @param tag       the tag
 * @param bookmarks the number of bookmarks that carry it
 */
public record TagCount(String tag, int bookmarks) {
}
