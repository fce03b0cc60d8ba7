package dev.spur.example;

import dev.spur.example.bookmarks.Bookmark;

import java.util.Comparator;

/** The orders a bookmark listing can be sorted in ({@code ?sort=newest}, the default). */
public enum Sort {
    /** Most recently created first. */
    NEWEST(Comparator.comparingLong(Bookmark::id).reversed()),
    /** Oldest first. */
    OLDEST(Comparator.comparingLong(Bookmark::id)),
    /** By title, ignoring case. */
    TITLE(Comparator.comparing(Bookmark::title, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Bookmark::id));

    private final Comparator<Bookmark> order;

    Sort(Comparator<Bookmark> order) {
        this.order = order;
    }

    /** The comparator that puts bookmarks in this order. */
    public Comparator<Bookmark> order() {
        return order;
    }
}
