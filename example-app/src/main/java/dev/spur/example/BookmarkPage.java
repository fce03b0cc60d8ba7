package dev.spur.example;

import dev.spur.example.bookmarks.Bookmark;

import java.util.List;

/**
 * One page of a bookmark listing.
 *
 * @param items  the bookmarks on this page
 * @param total  how many bookmarks matched, over all pages
 * @param offset how many matching bookmarks come before this page
 * @param limit  the largest number of items a page holds
 * @param next   the path and query of the next page, or null on the last one
 */
public record BookmarkPage(List<Bookmark> items, int total, int offset, int limit, String next) {
}
