package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A project using Spur builds under {@code -Xlint:all -Werror}, the {@code processing} lint
 * included: no "No processor claimed any of these annotations" for Spur's annotations or the
 * {@code @Generated} of its router (issue "Processor hardening", item 11).
 */
class LintCleanBuildTest {

    private static final JavaFileObject ITEMS = JavaFileObjects.forSourceString("app.Items", """
            package app;

            import dev.spur.Body;
            import dev.spur.Header;
            import dev.spur.Match;
            import dev.spur.Query;
            import dev.spur.Route;

            @Route(path = "/items")
            public class Items {
                public record Item(String name) {
                }

                @Route(path = "/{id}")
                @Match(header = "Accept=application/json")
                public String get(String id, @Query(value = "v", defaultValue = "1") int v,
                                  @Header("X-Trace") String trace) {
                    return id + v + trace;
                }

                @Route(method = "POST", path = "")
                public static Item create(@Body Item item) {
                    return item;
                }
            }
            """);

    private static final JavaFileObject ADMIN = JavaFileObjects.forSourceString("app.admin.Admin", """
            package app.admin;

            import dev.spur.Match;
            import dev.spur.Route;

            @Match(scheme = "https")
            public class Admin {
                @Route(path = "/admin/{*rest}")
                public String admin(String rest) {
                    return rest;
                }
            }
            """);

    @Test
    void handlersCompileWithoutWarningsUnderXlintAllWerror() {
        Compilation compilation = compile(List.of("-Xlint:all", "-Werror"), ITEMS, ADMIN);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("app.SpurRouter");
    }

    @Test
    void anotherToolsGeneratedSourceIsNotClaimedButSpurStillCompiles() {
        JavaFileObject other = JavaFileObjects.forSourceString("app.Other", """
                package app;

                @javax.annotation.processing.Generated("some.other.Tool")
                public class Other {
                }
                """);
        Compilation compilation = compile(List.of("-Xlint:all"), ITEMS, other);
        assertThat(compilation).succeeded();
        // Spur claims nothing in a round with another tool's @Generated: others still see it.
        assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
        assertThat(compilation).generatedSourceFile("app.SpurRouter");
    }
}
