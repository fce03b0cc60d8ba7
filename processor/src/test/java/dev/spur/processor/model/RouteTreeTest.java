package dev.spur.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.parse.TemplateParser;
import dev.spur.processor.parse.TemplateParser.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The route trie has one node per distinct segment prefix, literal children sorted, and routes where they end. */
class RouteTreeTest {

    private static final HandlerModel HANDLER = new HandlerModel(ClassName.get("app", "Handlers"), "handlers", true);

    private static List<RouteModel> routes(String... templates) {
        List<RouteModel> routes = new ArrayList<>();
        for (String template : templates) {
            try {
                routes.add(new RouteModel("GET", TemplateParser.parse(template), HANDLER, "route" + routes.size(),
                        false, List.of(), ResultKind.TEXT, ClassName.get(String.class), Guard.ALWAYS, null, null));
            } catch (TemplateException e) {
                throw new AssertionError(e);
            }
        }
        return routes;
    }

    /** A GET tree of all {@code templates}, route i being templates[i]. */
    private static RouteTree.Node tree(String... templates) {
        List<RouteModel> routes = routes(templates);
        return RouteTree.of("GET", routes, IntStream.range(0, routes.size()).boxed().toList()).root();
    }

    @Test
    void literalChildrenAreSortedAndRoutesEndAtTheirNode() {
        RouteTree.Node root = tree("/users", "/about", "/users/me");

        assertEquals(List.of("about", "users"), List.copyOf(root.literals().keySet()));
        assertEquals(List.of(1), root.literals().get("about").terminal());
        RouteTree.Node users = root.literals().get("users");
        assertEquals(List.of(0), users.terminal());
        assertEquals(List.of(2), users.literals().get("me").terminal());
        assertTrue(root.terminal().isEmpty());
    }

    @Test
    void templatesOfOneShapeShareTheParameterNodeWhateverTheNames() {
        RouteTree.Node users = tree("/users/{id}/posts", "/users/{name}/likes").literals().get("users");

        assertNotNull(users.param());
        assertTrue(users.literals().isEmpty());
        assertEquals(List.of("likes", "posts"), List.copyOf(users.param().literals().keySet()));
        assertEquals(List.of(0), users.param().literals().get("posts").terminal());
        assertEquals(List.of(1), users.param().literals().get("likes").terminal());
    }

    @Test
    void literalAndParameterAreSiblingChildren() {
        RouteTree.Node users = tree("/users/{id}", "/users/me").literals().get("users");

        assertEquals(List.of(1), users.literals().get("me").terminal());
        assertEquals(List.of(0), users.param().terminal());
    }

    @Test
    void catchAllBelongsToTheNodeAboveIt() {
        RouteTree.Node root = tree("/files/{*path}", "/{*all}");

        RouteTree.Node files = root.literals().get("files");
        assertEquals(List.of(0), files.catchAll());
        assertTrue(files.terminal().isEmpty());
        assertNull(files.param());
        assertTrue(files.hasChildren());
        assertEquals(List.of(1), root.catchAll());
    }

    @Test
    void trailingSlashIsAnEmptyLiteralChild() {
        RouteTree.Node docs = tree("/docs", "/docs/").literals().get("docs");

        assertEquals(List.of(0), docs.terminal());
        assertEquals(List.of(1), docs.literals().get("").terminal());
    }

    @Test
    void rootRouteEndsAtTheRootsEmptyLiteral() {
        RouteTree.Node root = tree("/");

        assertEquals(List.of(""), List.copyOf(root.literals().keySet()));
        assertEquals(List.of(0), root.literals().get("").terminal());
        assertFalse(root.literals().get("").hasChildren());
    }

    @Test
    void onlyTheGivenRoutesAreAddedInTheGivenOrder() {
        List<RouteModel> routes = routes("/a", "/b", "/a");

        RouteTree tree = RouteTree.of("HEAD", routes, List.of(2, 0));

        assertEquals("HEAD", tree.method());
        assertEquals(List.of("a"), List.copyOf(tree.root().literals().keySet()));
        assertEquals(List.of(2, 0), tree.root().literals().get("a").terminal());
    }

    @Test
    void depthCountsTheSegmentsAboveANodesChildren() {
        RouteTree.Node root = tree("/users/{id}/posts");

        RouteTree.Node users = root.literals().get("users");
        assertEquals(0, root.depth());
        assertEquals(1, users.depth());
        assertEquals(2, users.param().depth());
        assertEquals(3, users.param().literals().get("posts").depth());
    }

    @Test
    void literalsAreKeyedByTheirCanonicalText() {
        RouteTree.Node root = tree("/100%");

        assertEquals(List.of("100%25"), List.copyOf(root.literals().keySet()));
    }

    @Test
    void nodeViewsCannotBeModified() {
        RouteTree.Node root = tree("/a");

        assertThrows(UnsupportedOperationException.class, () -> root.literals().clear());
        assertThrows(UnsupportedOperationException.class, () -> root.literals().get("a").terminal().add(1));
    }
}
