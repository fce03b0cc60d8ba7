package dev.spur.example.bookmarks;

/** There is no bookmark with this id: the domain's own failure, answered 404 by {@code DomainErrors}. */
public final class NoSuchBookmark extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long id;

    /** No bookmark {@code id}. */
    public NoSuchBookmark(long id) {
        super("no bookmark " + id, null, false, false);
        this.id = id;
    }

    /** The id asked for. */
    public long id() {
        return id;
    }
}
