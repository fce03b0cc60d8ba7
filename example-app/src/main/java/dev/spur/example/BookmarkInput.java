package dev.spur.example;

import java.util.List;

/**
 * The JSON a client sends to create or replace a bookmark.
 *
 * @param url   the link; required, http or https
 * @param title a title; the URL when absent or blank
 * @param tags  tags such as {@code java} or {@code lang/java}; none when absent
 */
public record BookmarkInput(String url, String title, List<String> tags) {
}
