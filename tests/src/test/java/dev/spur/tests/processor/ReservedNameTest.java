package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handler class of the router's own package is written by its simple name in generated code, so
 * one named like a parameter of the generated methods ({@code request}, {@code path}, ...) would be
 * hidden there: it is a {@code Route/ReservedName} error on the class, never a router javac rejects.
 * The same name in another package is imported and compiles.
 */
class ReservedNameTest {

    private static final String NAMES = "allow, builder, end, last, method, near, path, request, response, route, "
            + "router, start, strict, table";

    private static JavaFileObject handler(String pkg, String name) {
        return JavaFileObjects.forSourceString(pkg + "." + name, """
                package %s;

                import dev.spur.Route;

                public class %s {
                    @Route(path = "/%s/{id}")
                    public static String get(int id) {
                        return "x" + id;
                    }
                }
                """.formatted(pkg, name, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "response", "path", "router", "table", "method"})
    void aHandlerClassNamedLikeAGeneratedParameterIsAnError(String name) {
        JavaFileObject source = handler("app", name);
        assertOnlyError(compile(source), Diagnostic.RESERVED_NAME.format(name, NAMES), source, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "path"})
    void theSameNameInAnotherPackageThanTheRoutersCompiles(String name) {
        Compilation compilation = compile(List.of("-Xlint:all", "-Aspur.router=web.Router"), handler("app", name));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("web.Router");
    }
}
