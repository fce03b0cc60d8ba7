package dev.spur.tests.e2e;

import dev.spur.Route;
import dev.spur.runtime.Response;

/** A few overlapping templates, for priority, backtracking, decoding and method handling. */
@Route(path = "/r")
public class RoutingHandlers {

    /** A literal beside a parameter. */
    @Route(path = "/users/me")
    public String me() {
        return "me";
    }

    /** A parameter. */
    @Route(path = "/users/{id}")
    public String user(String id) {
        return "user " + id;
    }

    /** Reached by backtracking from {@code /users/me} for {@code /users/me/posts}. */
    @Route(path = "/users/{id}/posts")
    public String posts(String id) {
        return "posts of " + id;
    }

    /** A literal below a catch-all's prefix. */
    @Route(path = "/files/readme")
    public String readme() {
        return "readme";
    }

    /** A catch-all. */
    @Route(path = "/files/{*path}")
    public String file(String path) {
        return "file " + path;
    }

    /** Without a trailing slash. */
    @Route(path = "/docs")
    public String docs() {
        return "docs";
    }

    /** With a trailing slash: a different route. */
    @Route(path = "/docs/")
    public String docsSlash() {
        return "docs/";
    }

    /** An explicit HEAD route takes HEAD requests from the GET route of the same path. */
    @Route(method = Route.HEAD, path = "/docs")
    public Response docsHead() {
        return Response.status(200).header("X-Head", "explicit").build();
    }

    /** A method other than the usual ones. */
    @Route(method = "PURGE", path = "/cache/{key}")
    public String purge(String key) {
        return "purged " + key;
    }

    /** An explicit OPTIONS route replaces the automatic answer. */
    @Route(method = Route.OPTIONS, path = "/explicit")
    public Response options() {
        return Response.status(200).header("Allow", "GET, OPTIONS").header("X-Explicit", "yes").body("options");
    }

    /** The GET beside the explicit OPTIONS route. */
    @Route(path = "/explicit")
    public String explicit() {
        return "explicit";
    }
}
