package dev.spur.example;

import dev.spur.Answer;
import dev.spur.Body;
import dev.spur.Layer;
import dev.spur.Route;
import dev.spur.example.layers.Transactional;
import dev.spur.example.layers.WriteAccess;
import dev.spur.example.bookmarks.BookmarkStore;
import dev.spur.example.bookmarks.Note;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.Response;

import java.util.List;
import java.util.Optional;

/** A bookmark's notes: plain-text bodies in, JSON out. The class prefix binds the bookmark's id. */
@Route(path = "/bookmarks/{id}/notes")
public class NoteHandlers {

    private final BookmarkStore store;

    /** Handlers over {@code store}. */
    public NoteHandlers(BookmarkStore store) {
        this.store = store;
    }

    /** The bookmark's notes, oldest first; a 404 when there is no such bookmark. */
    @Route
    public List<Note> list(long id) {
        return store.notes(id).orElseThrow(() -> BookmarkHandlers.missing(id));
    }

    /** Adds a note whose text is the request body: 201 with its {@code Location}. */
    @Route(method = Route.POST)
    @Layer({WriteAccess.class, Transactional.class})
    @Answer(status = 201, description = "Created; Location names the new note", body = Note.class)
    public Response add(long id, @Body String text) {
        Note note = store.addNote(id, Inputs.note(text)).orElseThrow(() -> BookmarkHandlers.missing(id));
        return Response.status(201)
                .header("Location", "/bookmarks/" + id + "/notes/" + note.id())
                .body(note);
    }

    /** One note, or a 404. */
    @Route(path = "/{noteId}")
    public Optional<Note> get(long id, long noteId) {
        return store.note(id, noteId);
    }

    /** Deletes a note: 204, or a 404 when the bookmark has no such note. */
    @Route(method = Route.DELETE, path = "/{noteId}")
    @Layer({WriteAccess.class, Transactional.class})
    public void delete(long id, long noteId) {
        if (!store.deleteNote(id, noteId)) {
            throw HttpProblem.notFound("Bookmark " + id + " has no note " + noteId + ".");
        }
    }
}
