package dev.spur.example;

import dev.spur.Answer;
import dev.spur.Layer;
import dev.spur.Route;
import dev.spur.example.layers.Transactional;
import dev.spur.example.layers.WriteAccess;
import dev.spur.example.bookmarks.Bookmark;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.TagCount;

import java.util.List;
import java.util.Optional;

/**
 * Tags. A tag may be hierarchical ({@code lang/java}), so the routes take it with a catch-all
 * parameter: {@code /tags/lang/java} lists what is tagged {@code lang/java} or below it.
 */
public class TagHandlers {

    private final BookmarkStore store;

    /** Handlers over {@code store}. */
    public TagHandlers(BookmarkStore store) {
        this.store = store;
    }

    /** Every tag in use, with how many bookmarks carry it. */
    @Route(path = "/tags")
    public List<TagCount> all() {
        return store.tagCounts();
    }

    /** The bookmarks tagged {@code tag} or a tag below it, oldest first. */
    @Route(path = "/tags/{*tag}")
    @Answer(status = 400, description = "The tag is not valid")
    public List<Bookmark> tagged(String tag) {
        String checked = Inputs.tag(tag);
        return store.all().stream().filter(b -> b.isTagged(checked)).toList();
    }

    /** Tags a bookmark (idempotent): the updated bookmark, or a 404. */
    @Route(method = Route.PUT, path = "/bookmarks/{id}/tags/{*tag}")
    @Layer({WriteAccess.class, Transactional.class})
    public Optional<Bookmark> add(long id, String tag) {
        return store.addTag(id, Inputs.tag(tag));
    }

    /** Removes a tag from a bookmark (idempotent): 204, or a 404 when there is no such bookmark. */
    @Route(method = Route.DELETE, path = "/bookmarks/{id}/tags/{*tag}")
    @Layer({WriteAccess.class, Transactional.class})
    public void remove(long id, String tag) {
        store.removeTag(id, Inputs.tag(tag)).orElseThrow(() -> BookmarkHandlers.missing(id));
    }
}
