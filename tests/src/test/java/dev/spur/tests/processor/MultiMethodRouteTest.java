package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import dev.spur.runtime.Exchange;
import dev.spur.runtime.Router;
import dev.spur.tests.support.InProcessCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Route(method = {"PUT", "POST"})}: one handler serves several methods, one route each;
 * duplicates are still found per method, and a bad method is an error at its own value.
 */
class MultiMethodRouteTest {

    private static final String SAVE = """
            package app;

            import dev.spur.Route;

            public class Save {
                @Route(method = {"PUT", "POST"}, path = "/items/{id}")
                public String save(int id) {
                    return "saved " + id;
                }

                @Route(path = "/items/{id}")
                public String get(int id) {
                    return "item " + id;
                }
            }
            """;

    @Test
    void oneHandlerServesEachOfItsMethods(@TempDir Path temp) throws Exception {
        ClassLoader loader = InProcessCompiler.compile(temp, Map.of("app/Save.java", SAVE), "app.SpurRouter");
        Router router = (Router) loader.loadClass("app.SpurRouter").getMethod("create").invoke(null);
        assertEquals(List.of("PUT /items/{id}", "POST /items/{id}", "GET /items/{id}"),
                router.routes().stream().map(r -> r.method() + " " + r.template()).toList());
        for (String method : List.of("PUT", "POST")) {
            Exchange exchange = Exchange.request(method, "/items/7").build();
            router.route(exchange);
            assertEquals(200, exchange.status(), method);
            assertEquals("saved 7", exchange.responseText(), method);
        }
        Exchange delete = Exchange.request("DELETE", "/items/7").build();
        router.route(delete);
        assertEquals(405, delete.status());
        assertEquals("GET, HEAD, OPTIONS, POST, PUT", delete.responseHeaders().get(io.helidon.http.HeaderNames.ALLOW)
                .get());
    }

    @Test
    void aMethodListedForTwoHandlersIsADuplicate() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Twice", """
                package app;

                import dev.spur.Route;

                public class Twice {
                    @Route(method = {"PUT", "POST"}, path = "/a")
                    public void save() {
                    }

                    @Route(method = "POST", path = "/a")
                    public void create() {
                    }
                }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Route/Duplicate]").inFile(source).onLine(10);
    }

    @Test
    void aBadMethodInTheListIsAnErrorAtThatValue() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Bad", """
                package app;

                import dev.spur.Route;

                public class Bad {
                    @Route(method = {"PUT", "post"}, path = "/a")
                    public void save() {
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.BAD_METHOD.format("post"), source, 6);
    }
}
