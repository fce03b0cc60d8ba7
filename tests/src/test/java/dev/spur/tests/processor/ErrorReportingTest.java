package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.compileInto;
import static dev.spur.tests.processor.Processing.filesUnder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One compile reports every mistake it finds, and writes nothing when it found any. */
class ErrorReportingTest {

    private static final JavaFileObject VALID = JavaFileObjects.forSourceString("app.Valid", """
            package app;

            import dev.spur.Route;

            public class Valid {
                @Route(path = "/ok")
                public String ok() {
                    return "ok";
                }
            }
            """);

    private static final JavaFileObject BAD_METHOD = JavaFileObjects.forSourceString("app.Orders", """
            package app;

            import dev.spur.Route;

            public class Orders {
                @Route(path = "/orders")
                public String list() {
                    return "[]";
                }

                @Route(method = "post", path = "/orders")
                public String create() {
                    return "{}";
                }
            }
            """);

    private static final JavaFileObject UNKNOWN_PARAM = JavaFileObjects.forSourceString("app.Users", """
            package app;

            import dev.spur.Route;

            public class Users {
                @Route(path = "/users/{id}")
                public String get(String id,
                                  String expand) {
                    return id;
                }
            }
            """);

    @Test
    void twoMistakesInDifferentClassesAreBothReported() {
        Compilation compilation = compile(BAD_METHOD, UNKNOWN_PARAM);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Diagnostic.BAD_METHOD.format("post"))
                .inFile(BAD_METHOD).onLine(11);
        assertThat(compilation).hadErrorContaining(Diagnostic.UNKNOWN_PARAM.format("expand", "/users/{id}"))
                .inFile(UNKNOWN_PARAM).onLine(8);
    }

    @Test
    void twoMistakesInOneMethodAreBothReported() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(method = "get", path = "/count")
                    private int count() {
                        return 1;
                    }
                }
                """);
        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Diagnostic.BAD_METHOD.format("get")).inFile(source).onLine(6);
        assertThat(compilation).hadErrorContaining(Diagnostic.INACCESSIBLE.format("Handler method count()",
                "it is private; make it public")).inFile(source).onLine(7);
        assertThat(compilation).hadErrorContaining(Diagnostic.UNSUPPORTED_RETURN_TYPE.format("int", "count()"))
                .inFile(source).onLine(7);
    }

    @Test
    void nothingIsGeneratedWhenAnyRouteIsInError(@TempDir Path out) {
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = compileInto(out, VALID, UNKNOWN_PARAM);

        assertEquals(1, errors.size(), errors::toString);
        assertEquals(List.of(), filesUnder(out.resolve("generated")));
        assertFalse(Files.exists(out.resolve("classes/META-INF/spur/app.SpurRouter.routes")), "route table written");
    }

    @Test
    void theValidHandlerAloneGeneratesARouter(@TempDir Path out) {
        // The counterpart of nothingIsGeneratedWhenAnyRouteIsInError: without the broken class, the same
        // compile of the same valid handler writes the router and its route table.
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = compileInto(out, VALID);

        assertEquals(List.of(), errors);
        assertEquals(List.of("app/SpurRouter.java"), filesUnder(out.resolve("generated")));
        assertTrue(Files.exists(out.resolve("classes/META-INF/spur/app.SpurRouter.routes")), "no route table");
    }
}
