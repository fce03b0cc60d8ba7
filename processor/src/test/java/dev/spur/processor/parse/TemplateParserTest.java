package dev.spur.processor.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.model.PathTemplate;
import dev.spur.processor.model.Segment;
import dev.spur.processor.model.Segment.CatchAll;
import dev.spur.processor.model.Segment.Literal;
import dev.spur.processor.model.Segment.Param;
import dev.spur.processor.parse.TemplateParser.TemplateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Path templates parse into segments following DESIGN "Paths", and every malformed one is refused. */
class TemplateParserTest {

    private static List<Segment> segments(String template) throws TemplateException {
        return TemplateParser.parse(template).segments();
    }

    /** Asserts that {@code parse} fails with {@code diagnostic} and {@code args}, and that its message is theirs. */
    private static void assertRefused(Executable parse, Diagnostic diagnostic, Object... args) {
        TemplateException e = assertThrows(TemplateException.class, parse);
        assertEquals(diagnostic, e.diagnostic());
        assertArrayEquals(args, e.args());
        assertEquals(diagnostic.format(args), e.getMessage());
    }

    @Test
    void rootIsOneEmptyLiteral() throws TemplateException {
        assertEquals(List.of(new Literal("")), segments("/"));
    }

    @Test
    void literalsAndParametersBecomeSegmentsInOrder() throws TemplateException {
        assertEquals(List.of(new Literal("users"), new Param("id"), new Literal("posts"), new Param("post")),
                segments("/users/{id}/posts/{post}"));
    }

    @Test
    void catchAllIsTheLastSegment() throws TemplateException {
        assertEquals(List.of(new Literal("files"), new CatchAll("path")), segments("/files/{*path}"));
    }

    @Test
    void trailingSlashIsAnEmptyLastLiteral() throws TemplateException {
        assertEquals(List.of(new Literal("docs"), new Literal("")), segments("/docs/"));
        assertEquals(List.of(new Literal("docs")), segments("/docs"));
    }

    @Test
    void literalsKeepEveryCharacterButBraces() throws TemplateException {
        assertEquals(List.of(new Literal("a%20b"), new Literal("café"), new Literal("v1.2"), new Literal("...")),
                segments("/a%20b/café/v1.2/..."));
    }

    @Test
    void sourceIsKeptAsWritten() throws TemplateException {
        PathTemplate template = TemplateParser.parse("/users/{id}");

        assertEquals("/users/{id}", template.source());
    }

    @Test
    void shapeDropsParameterNames() throws TemplateException {
        assertEquals("/users/{}/files/{*}", TemplateParser.parse("/users/{id}/files/{*rest}").shape());
        assertEquals(TemplateParser.parse("/a/{x}").shape(), TemplateParser.parse("/a/{y}").shape());
        assertEquals("/docs/", TemplateParser.parse("/docs/").shape());
    }

    @Test
    void parameterNamesAndTheirSegmentIndices() throws TemplateException {
        PathTemplate template = TemplateParser.parse("/users/{id}/files/{*rest}");

        assertEquals(List.of("id", "rest"), template.parameterNames());
        assertEquals(1, template.indexOf("id"));
        assertEquals(3, template.indexOf("rest"));
        assertEquals(-1, template.indexOf("users"));
    }

    @Test
    void prefixIsJoinedToTheMethodPath() throws TemplateException {
        assertEquals("/api/users/{id}", TemplateParser.parse("/api", "/users/{id}").source());
        assertEquals("/api", TemplateParser.parse("/api", "").source());
        assertEquals("/api/", TemplateParser.parse("/api", "/").source());
        assertEquals("/users", TemplateParser.parse("", "/users").source());
    }

    @Test
    void validPrefixesAreAccepted() {
        assertDoesNotThrow(() -> TemplateParser.checkPrefix(""));
        assertDoesNotThrow(() -> TemplateParser.checkPrefix("/api"));
        assertDoesNotThrow(() -> TemplateParser.checkPrefix("/users/{id}"));
    }

    @Test
    void emptySegmentBeforeTheEndIsRefused() {
        assertRefused(() -> TemplateParser.parse("/a//b"), Diagnostic.BAD_PATH, "/a//b",
                "it has an empty segment ('//'); only the last segment may be empty (a trailing slash)");
        assertRefused(() -> TemplateParser.parse("//"), Diagnostic.BAD_PATH, "//",
                "it has an empty segment ('//'); only the last segment may be empty (a trailing slash)");
    }

    @Test
    void templateWithoutLeadingSlashIsRefused() {
        assertRefused(() -> TemplateParser.parse("users"), Diagnostic.BAD_PATH, "users", "it must start with '/'");
        assertRefused(() -> TemplateParser.parse(""), Diagnostic.BAD_PATH, "", "it must start with '/'");
    }

    @Test
    void methodPathWithoutLeadingSlashIsRefusedWithTheMethodPathInTheMessage() {
        assertRefused(() -> TemplateParser.parse("/api", "users"), Diagnostic.BAD_PATH, "users",
                "it must start with '/'");
    }

    @Test
    void emptyPathWithoutPrefixIsRefused() {
        assertRefused(() -> TemplateParser.parse("", ""), Diagnostic.BAD_PATH, "",
                "it is empty; a path starts with '/'");
    }

    @Test
    void dotSegmentsAreRefused() {
        assertRefused(() -> TemplateParser.parse("/a/./b"), Diagnostic.BAD_PATH, "/a/./b",
                "segment '.' can never match, since requests with dot segments are rejected");
        assertRefused(() -> TemplateParser.parse("/.."), Diagnostic.BAD_PATH, "/..",
                "segment '..' can never match, since requests with dot segments are rejected");
    }

    @Test
    void textMixedWithBracesIsRefused() {
        for (String segment : List.of("{id}.json", "v{n}", "{a}{b}", "{open", "close}", "{{x}}", "}{")) {
            String template = "/x/" + segment;
            assertRefused(() -> TemplateParser.parse(template), Diagnostic.BAD_PATH, template, "segment '" + segment
                    + "' mixes text and braces; a parameter is a whole segment, {name} or {*name}");
        }
    }

    @Test
    void parameterNamesThatAreNoJavaIdentifiersAreRefused() {
        for (String name : List.of("", "user-id", "1st", "class", "a b")) {
            String template = "/x/{" + name + "}";
            assertRefused(() -> TemplateParser.parse(template), Diagnostic.BAD_PATH, template,
                    "parameter name '" + name + "' is not a Java identifier");
        }
        assertRefused(() -> TemplateParser.parse("/x/{*}"), Diagnostic.BAD_PATH, "/x/{*}",
                "parameter name '' is not a Java identifier");
    }

    @Test
    void catchAllBeforeTheEndIsRefused() {
        assertRefused(() -> TemplateParser.parse("/files/{*rest}/meta"), Diagnostic.CATCH_ALL_NOT_LAST,
                "/files/{*rest}/meta", "rest");
        assertRefused(() -> TemplateParser.parse("/files/{*rest}/"), Diagnostic.CATCH_ALL_NOT_LAST,
                "/files/{*rest}/", "rest");
    }

    @Test
    void parameterNamedTwiceIsRefused() {
        assertRefused(() -> TemplateParser.parse("/a/{id}/b/{id}"), Diagnostic.DUPLICATE_PARAM, "/a/{id}/b/{id}", "id");
        assertRefused(() -> TemplateParser.parse("/a/{id}/{*id}"), Diagnostic.DUPLICATE_PARAM, "/a/{id}/{*id}", "id");
        assertRefused(() -> TemplateParser.parse("/users/{id}", "/posts/{id}"), Diagnostic.DUPLICATE_PARAM,
                "/users/{id}/posts/{id}", "id");
    }

    @Test
    void prefixEndingWithSlashIsRefused() {
        assertRefused(() -> TemplateParser.checkPrefix("/api/"), Diagnostic.BAD_PATH, "/api/",
                "a class-level prefix must not end with '/'; write the slash in the method's path");
        assertRefused(() -> TemplateParser.checkPrefix("/"), Diagnostic.BAD_PATH, "/",
                "a class-level prefix must not end with '/'; write the slash in the method's path");
    }

    @Test
    void prefixEndingWithCatchAllIsRefused() {
        assertRefused(() -> TemplateParser.checkPrefix("/files/{*rest}"), Diagnostic.CATCH_ALL_NOT_LAST,
                "/files/{*rest}", "rest");
    }

    @Test
    void malformedPrefixIsRefusedLikeATemplate() {
        assertRefused(() -> TemplateParser.checkPrefix("api"), Diagnostic.BAD_PATH, "api", "it must start with '/'");
        assertRefused(() -> TemplateParser.checkPrefix("/a//b"), Diagnostic.BAD_PATH, "/a//b",
                "it has an empty segment ('//'); only the last segment may be empty (a trailing slash)");
    }
}
