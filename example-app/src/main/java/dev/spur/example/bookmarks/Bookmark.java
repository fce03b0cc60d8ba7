package dev.spur.example.bookmarks;

import java.util.List;

/**
 * A saved link.
 *
 * @param id      the store's id, also the last segment of the bookmark's URL path
 * @param url     the link (http or https)
 * @param title   a human-readable title
 * @param tags    sorted tags; a tag may be hierarchical, such as {@code lang/java}
 * @param version incremented by every change; sent as the {@code ETag}
 * @param created when the bookmark was created (ISO-8601 instant)
 */
public record Bookmark(long id, String url, String title, List<String> tags, long version, String created) {

    /** Copies the tags. */
    public Bookmark {
        tags = List.copyOf(tags);
    }

    /** Whether this bookmark carries {@code tag} or a tag below it ({@code lang} covers {@code lang/java}). */
    public boolean isTagged(String tag) {
        return tags.stream().anyMatch(t -> t.equals(tag) || t.startsWith(tag + "/"));
    }
}
