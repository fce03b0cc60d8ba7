package dev.spur.tests.e2e;

import dev.spur.Route;
import dev.spur.runtime.Response;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Returns every supported kind of result. */
public class ResultHandlers {

    /**
     * A JSON result type.
     *
     * @param id   an id
     * @param name a name
     */
    public record Thing(long id, String name) {
    }

    /** Returns nothing: 204. */
    @Route(method = Route.DELETE, path = "/result/void")
    public void nothing() {
    }

    /** Returns text. */
    @Route(path = "/result/text")
    public String text() {
        return "plain text \u2713";
    }

    /** Returns a null String: 204. */
    @Route(path = "/result/null-text")
    public String nullText() {
        return null;
    }

    /** Returns bytes. */
    @Route(path = "/result/bytes")
    public byte[] bytes() {
        return new byte[] {0, 1, 2, (byte) 0xff};
    }

    /** Returns a record as JSON. */
    @Route(path = "/result/json")
    public Thing json() {
        return new Thing(7, "seven");
    }

    /** Returns a list as JSON. */
    @Route(path = "/result/list")
    public List<Thing> list() {
        return List.of(new Thing(1, "one"), new Thing(2, "two"));
    }

    /** Returns an Optional: present for id 7, else a 404. */
    @Route(path = "/result/optional/{id}")
    public Optional<Thing> optional(long id) {
        return id == 7 ? Optional.of(new Thing(7, "seven")) : Optional.empty();
    }

    /** A full response: 201, Location, a repeated header, a JSON body. */
    @Route(method = Route.POST, path = "/result/response")
    public Response created() {
        return Response.status(201)
                .header("Location", "/result/things/8")
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .body(new Thing(8, "eight"));
    }

    /** A full response with its own content type and a text body. */
    @Route(path = "/result/response/text")
    public Response typedText() {
        return Response.status(203).header("Content-Type", "text/markdown; charset=UTF-8").body("# Title");
    }

    /** A full response with no body. */
    @Route(path = "/result/response/empty")
    public Response empty() {
        return Response.status(202).header("Retry-After", "5").build();
    }

    /** A full response with a byte body. */
    @Route(path = "/result/response/bytes")
    public Response bytesResponse() {
        return Response.of(200, new byte[] {9, 8, 7});
    }

    /** Writes the response itself through Helidon's API. */
    @Route(path = "/result/exchange")
    public void exchange(ServerRequest request, ServerResponse response) {
        response.status(Status.ACCEPTED_202);
        response.header("X-Seen-Method", request.prologue().method().text());
        response.send("written by the handler".getBytes(StandardCharsets.UTF_8));
    }
}
