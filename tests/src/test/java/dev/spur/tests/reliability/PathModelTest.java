package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference model itself, on the examples DESIGN "Paths" spells out (no javac, no server). */
class PathModelTest {

    private final PathModel model = new PathModel(List.of(
            PathModel.Route.of(1, "GET", "/users/me"),
            PathModel.Route.of(2, "GET", "/users/{id}/posts"),
            PathModel.Route.of(3, "GET", "/users/{id}"),
            PathModel.Route.of(4, "POST", "/users"),
            PathModel.Route.of(5, "GET", "/files/{*path}"),
            PathModel.Route.of(6, "GET", "/docs/"),
            PathModel.Route.of(7, "GET", "/docs"),
            PathModel.Route.of(8, "DELETE", "/users/{id}")));

    @Test
    void literalBeatsParameterAndTheWalkBacktracks() {
        assertEquals(new PathModel.Answer(200, 1, Map.of(), null), model.answer("GET", "/users/me"));
        assertEquals(new PathModel.Answer(200, 2, Map.of("id", "me"), null), model.answer("GET", "/users/me/posts"));
        assertEquals(new PathModel.Answer(200, 3, Map.of("id", "a/b"), null), model.answer("GET", "/users/a%2Fb"));
    }

    @Test
    void catchAllTakesTheNonEmptyRestAndTrailingSlashesMatter() {
        assertEquals(Map.of("path", "a//b/"), model.answer("GET", "/files/a//b/").params());
        assertEquals(404, model.answer("GET", "/files/").status());
        assertEquals(6, model.answer("GET", "/docs/").route());
        assertEquals(7, model.answer("GET", "/docs").route());
        assertEquals(404, model.answer("GET", "//docs").status());
    }

    @Test
    void methodsGive405WithAllowAndOptions204AndHeadFollowsGet() {
        assertEquals(new PathModel.Answer(405, 0, Map.of(), "DELETE, GET, HEAD, OPTIONS"),
                model.answer("PUT", "/users/7"));
        assertEquals(new PathModel.Answer(204, 0, Map.of(), "OPTIONS, POST"), model.answer("OPTIONS", "/users"));
        assertEquals(3, model.answer("HEAD", "/users/7").route());
        assertEquals(404, model.answer("OPTIONS", "/nope").status());
    }

    @Test
    void malformedPathsAre400() {
        for (String target : List.of("/users/%zz", "/users/%ff", "/users/%00", "/users/..", "/users/%2e", "/a/./b",
                "/users/%", "users", "///")) {
            assertEquals(400, model.answer("GET", target).status(), target);
        }
    }
}
