package dev.spur.example;

import dev.spur.Answer;
import dev.spur.Body;
import dev.spur.Header;
import dev.spur.Query;
import dev.spur.Layer;
import dev.spur.Route;
import dev.spur.example.layers.Transactional;
import dev.spur.example.layers.WriteAccess;
import dev.spur.example.audit.AuditEntry;
import dev.spur.example.audit.AuditEvent;
import dev.spur.example.bookmarks.Bookmark;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.NoSuchBookmark;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Bookmarks: list, search and page them, create, read, replace (optionally conditional on
 * {@code If-Match}), delete, and export them as CSV.
 */
@Route(path = "/bookmarks")
public class BookmarkHandlers {

    private final BookmarkStore store;
    private final AuditBinding audit;

    /**
     * Handlers over {@code store} that report every change to the audit service through
     * {@code audit}; the router creates them, with the store given to {@code SpurRouter.builder()}.
     */
    public BookmarkHandlers(BookmarkStore store, AuditBinding audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Lists bookmarks, optionally only those with a tag or containing a text, a page at a time. */
    @Route
    public BookmarkPage list(@Query Optional<String> tag, @Query("q") Optional<String> text,
                             @Query(defaultValue = "newest") Sort sort,
                             @Query(defaultValue = "20") int limit, @Query(defaultValue = "0") int offset) {
        Inputs.page(limit, offset);
        Optional<String> checkedTag = tag.map(Inputs::tag);
        Predicate<Bookmark> matches = b -> checkedTag.map(b::isTagged).orElse(true)
                && text.map(t -> contains(b, t)).orElse(true);
        List<Bookmark> found = store.all().stream().filter(matches).sorted(sort.order()).toList();
        long end = (long) offset + limit;   // offset may be up to Integer.MAX_VALUE: no int overflow
        List<Bookmark> page = found.subList(Math.min(offset, found.size()), (int) Math.min(end, found.size()));
        String next = end < found.size() ? nextPage(checkedTag, text, sort, limit, (int) end) : null;
        return new BookmarkPage(page, found.size(), offset, limit, next);
    }

    /**
     * Creates a bookmark: 201 with its {@code Location} and {@code ETag}; a 409 when another bookmark
     * has the URL (answered by {@code DomainErrors}).
     */
    @Route(method = Route.POST)
    @Layer({WriteAccess.class, Transactional.class})
    @Answer(status = 201, description = "Created; Location and ETag name the new bookmark", body = Bookmark.class)
    @Answer(status = 409, description = "Another bookmark has the URL")
    public Response create(@Body BookmarkInput input) {
        Inputs.CheckedBookmark checked = Inputs.bookmark(input);
        // a URL another bookmark has is the store's DuplicateUrlException: DomainErrors answers 409
        Bookmark created = store.create(checked.url(), checked.title(), checked.tags());
        audit.record(new AuditEvent(created.id(), "created"), Optional.empty());
        Response.Builder response = Response.status(201)
                .header("Location", "/bookmarks/" + created.id())
                .header("ETag", etag(created));
        return response.body(created);
    }

    /** One bookmark with its {@code ETag} (what {@code If-Match} names to replace it), or a 404. */
    @Route(path = "/{id}")
    @Answer(status = 200, description = "The bookmark; ETag names its version", body = Bookmark.class)
    @Answer(status = 404, description = "No bookmark has the id")
    public Response get(long id) {
        Bookmark bookmark = store.find(id).orElseThrow(() -> missing(id));
        return Response.status(200).header("ETag", etag(bookmark)).body(bookmark);
    }

    /**
     * Replaces a bookmark's URL, title and tags. With {@code If-Match}, only when it names the
     * current {@code ETag} (else 412), so that two clients cannot overwrite each other's edits.
     */
    @Route(method = Route.PUT, path = "/{id}")
    @Layer({WriteAccess.class, Transactional.class})
    @Answer(status = 200, description = "Replaced; ETag names the new version", body = Bookmark.class)
    @Answer(status = 409, description = "Another bookmark has the URL")
    @Answer(status = 412, description = "If-Match does not name the bookmark's current ETag")
    public Response replace(long id, @Body BookmarkInput input, @Header("If-Match") Optional<String> ifMatch) {
        Inputs.CheckedBookmark checked = Inputs.bookmark(input);
        Bookmark replaced;
        try {
            replaced = store.replace(id, current -> ifMatch.map(tags -> matches(tags, current)).orElse(true),
                            checked.url(), checked.title(), checked.tags())
                    .orElseThrow(() -> missing(id));
        } catch (BookmarkStore.PreconditionFailedException e) {
            throw new HttpProblem(412, "Precondition Failed", "If-Match does not name the bookmark's current ETag, "
                    + etag(e.current()) + "; read it again before changing it.");
        }
        audit.record(new AuditEvent(id, "replaced"), Optional.empty());
        return Response.status(200).header("ETag", etag(replaced)).body(replaced);
    }

    /** Deletes a bookmark and its notes: 204, or a 404 when there is no such bookmark. */
    @Route(method = Route.DELETE, path = "/{id}")
    @Layer({WriteAccess.class, Transactional.class})
    public void delete(long id) {
        if (!store.delete(id)) {
            throw missing(id);
        }
        audit.record(new AuditEvent(id, "deleted"), Optional.empty());
    }

    /**
     * What happened to a bookmark, oldest first, as the private audit service keeps it (the
     * bookmark itself may be gone).
     */
    @Route(path = "/{id}/history")
    public List<AuditEntry> history(long id, @Query(defaultValue = "50") int limit) {
        Inputs.page(limit, 0);
        return audit.events(Optional.of(id), limit);
    }

    /** Every bookmark as CSV (a literal segment, so it takes priority over {@code /bookmarks/{id}}). */
    @Route(path = "/export.csv")
    @Answer(status = 200, description = "Every bookmark as CSV", body = String.class, mediaType = "text/csv")
    public Response export() {
        StringBuilder csv = new StringBuilder("id,url,title,tags\r\n");
        for (Bookmark b : store.all()) {
            csv.append(b.id()).append(',').append(csvField(b.url())).append(',').append(csvField(b.title()))
                    .append(',').append(csvField(String.join(" ", b.tags()))).append("\r\n");
        }
        return Response.status(200)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"bookmarks.csv\"")
                .body(csv.toString());
    }

    static NoSuchBookmark missing(long id) {
        return new NoSuchBookmark(id);
    }

    private static String etag(Bookmark bookmark) {
        return "\"" + bookmark.version() + "\"";
    }

    private static boolean matches(String ifMatch, Bookmark current) {
        String etag = etag(current);
        return Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String nextPage(Optional<String> tag, Optional<String> text, Sort sort, int limit, int offset) {
        StringBuilder next = new StringBuilder("/bookmarks?");
        tag.ifPresent(t -> next.append("tag=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)).append('&'));
        text.ifPresent(t -> next.append("q=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)).append('&'));
        return next.append("sort=").append(sort.name().toLowerCase(Locale.ROOT))
                .append("&limit=").append(limit)
                .append("&offset=").append(offset)
                .toString();
    }

    private static boolean contains(Bookmark bookmark, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return bookmark.title().toLowerCase(Locale.ROOT).contains(lower)
                || bookmark.url().toLowerCase(Locale.ROOT).contains(lower);
    }

    private static String csvField(String value) {
        return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
