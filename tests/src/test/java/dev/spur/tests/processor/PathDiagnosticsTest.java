package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every mistake in a path template is a compile error on the {@code path} value of the
 * {@code @Route} that holds it (the class's for a prefix, the method's otherwise).
 */
class PathDiagnosticsTest {

    /** A handler class {@code app.Handlers} whose one route method carries {@code route} on line 6. */
    private static JavaFileObject handlerWithRoute(String route) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    %s
                    public String get() {
                        return "x";
                    }
                }
                """.formatted(route));
    }

    @Test
    void anUnpairedSurrogateIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a/\\ud83d\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/a/\\ud83d", "it has an unpaired surrogate "
                + "\\ud83d at index 3, which is no character; write a whole code point (a surrogate pair) or remove it"),
                source, 6);
    }

    @Test
    void aSurrogatePairIsALiteral() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a/\\ud83d\\ude00\")");
        com.google.testing.compile.CompilationSubject.assertThat(compile(source)).succeeded();
    }

    @Test
    void emptySegmentInTheMiddleIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a//b\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/a//b",
                "it has an empty segment ('//'); only the last segment may be empty (a trailing slash)"), source, 6);
    }

    @Test
    void textMixedWithBracesIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/files/{name}.txt\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/files/{name}.txt",
                "segment '{name}.txt' mixes text and braces; a parameter is a whole segment, {name} or {*name}"),
                source, 6);
    }

    @Test
    void twoParametersInOneSegmentAreABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/{a}{b}\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/{a}{b}",
                "segment '{a}{b}' mixes text and braces; a parameter is a whole segment, {name} or {*name}"),
                source, 6);
    }

    @Test
    void parameterNameThatIsNoIdentifierIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/users/{user-id}\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/users/{user-id}",
                "parameter name 'user-id' is not a Java identifier"), source, 6);
    }

    @Test
    void keywordAsParameterNameIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/types/{class}\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/types/{class}",
                "parameter name 'class' is not a Java identifier"), source, 6);
    }

    @Test
    void emptyBracesAreABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/users/{}\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/users/{}",
                "parameter name '' is not a Java identifier"), source, 6);
    }

    @Test
    void pathWithoutLeadingSlashIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"users\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("users", "it must start with '/'"), source, 6);
    }

    @Test
    void dotDotSegmentIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a/../b\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/a/../b",
                "segment '..' can never match, since requests with dot segments are rejected"), source, 6);
    }

    @Test
    void dotSegmentIsABadPath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a/./b\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/a/./b",
                "segment '.' can never match, since requests with dot segments are rejected"), source, 6);
    }

    @Test
    void missingPathWithoutPrefixIsABadPathOnTheAnnotation() {
        JavaFileObject source = handlerWithRoute("@Route");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("", "it is empty; a path starts with '/'"),
                source, 6);
    }

    @Test
    void methodPathWithoutSlashAfterAPrefixIsABadPath() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                @Route(path = "/api")
                public class Handlers {
                    @Route(path = "users")
                    public String users() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("users", "it must start with '/'"), source, 7);
    }

    @Test
    void classPrefixEndingWithSlashIsABadPathOnTheClassAnnotation() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                @Route(path = "/api/")
                public class Handlers {
                    @Route(path = "/users")
                    public String users() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/api/",
                "a class-level prefix must not end with '/'; write the slash in the method's path"), source, 5);
    }

    @Test
    void catchAllBeforeTheLastSegmentIsReported() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/files/{*rest}/meta\")");
        assertOnlyError(compile(source), Diagnostic.CATCH_ALL_NOT_LAST.format("/files/{*rest}/meta", "rest"),
                source, 6);
    }

    @Test
    void catchAllInAClassPrefixIsReportedOnTheClassAnnotation() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                @Route(path = "/files/{*rest}")
                public class Handlers {
                    @Route(path = "/meta")
                    public String meta(String rest) {
                        return rest;
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.CATCH_ALL_NOT_LAST.format("/files/{*rest}", "rest"), source, 5);
    }

    @Test
    void parameterNamedTwiceInOneTemplateIsReported() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/a/{id}/b/{id}\")");
        assertOnlyError(compile(source), Diagnostic.DUPLICATE_PARAM.format("/a/{id}/b/{id}", "id"), source, 6);
    }

    @Test
    void parameterNamedInPrefixAndMethodPathIsReportedOnTheMethodPath() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                @Route(path = "/users/{id}")
                public class Handlers {
                    @Route(path = "/posts/{id}")
                    public String post(String id) {
                        return id;
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.DUPLICATE_PARAM.format("/users/{id}/posts/{id}", "id"),
                source, 7);
    }

    @Test
    void lowerCaseHttpMethodIsReportedOnTheMethodValue() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/users",
                            method = "get")
                    public String users() {
                        return "x";
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_METHOD.format("get"), source, 7);
    }

    @Test
    void templateParameterWithoutHandlerParameterIsReportedOnThePath() {
        JavaFileObject source = handlerWithRoute("@Route(path = \"/users/{id}\")");
        assertOnlyError(compile(source), Diagnostic.UNBOUND_PARAM.format("id", "/users/{id}", "id", "get()"),
                source, 6);
    }

    @Test
    void sameMethodAndShapeInOneClassIsADuplicateOnTheLaterRoute() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/users/{id}")
                    public String byId(String id) {
                        return id;
                    }

                    @Route(path = "/users/{name}")
                    public String byName(String name) {
                        return name;
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.DUPLICATE_ROUTE.format("GET", "/users/{name}", "Handlers.byName",
                "GET", "/users/{id}", "Handlers.byId"), source, 11);
    }

    @Test
    void duplicateAcrossClassesIsReportedInTheLaterClass() {
        JavaFileObject accounts = JavaFileObjects.forSourceString("app.Accounts", """
                package app;

                import dev.spur.Route;

                public class Accounts {
                    @Route(method = "DELETE", path = "/things/{id}")
                    public void remove(long id) {
                    }
                }
                """);
        JavaFileObject things = JavaFileObjects.forSourceString("app.Things", """
                package app;

                import dev.spur.Route;

                @Route(path = "/things")
                public class Things {
                    @Route(method = "DELETE", path = "/{thing}")
                    public void delete(long thing) {
                    }
                }
                """);
        assertOnlyError(compile(things, accounts), Diagnostic.DUPLICATE_ROUTE.format("DELETE", "/things/{thing}",
                "Things.delete", "DELETE", "/things/{id}", "Accounts.remove"), things, 7);
    }
}
