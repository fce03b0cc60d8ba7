package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Cases the processor fuzzer found, as explicit tests: class names that are also package names
 * (the router must still name every type it calls, or say at the route why it cannot), and a
 * matcher signature mix-up; the router javac compiles, never code it rejects.
 */
class ObscuredNamesTest {

    private static JavaFileObject source(String pkg, String name, String body) {
        return JavaFileObjects.forSourceString(pkg + "." + name, """
                package %s;

                import dev.spur.Route;
                import java.util.List;

                public class %s {
                %s
                }
                """.formatted(pkg, name, body));
    }

    @Test
    void aNestedTypeOfALowerCaseClassDoesNotHideItsPackage() {
        // o.o.Item made the router import o.o, after which o.com meant a member of that class.
        JavaFileObject o = source("o", "o", """
                    public record Item(String name) {
                    }

                    @Route(method = "GET", path = "/items")
                    public List<Item> items() {
                        return List.of(new Item("a"));
                    }
                """);
        JavaFileObject com = source("o", "com", """
                    @Route(method = "GET", path = "/com")
                    public String get() {
                        return "com";
                    }
                """);
        JavaFileObject app = source("app", "Record", """
                    @Route(method = "GET", path = "/record")
                    public String get() {
                        return "record";
                    }
                """);
        Compilation compilation = compile(List.of("-Xlint:all"), app, o, com);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aClassOfTheRoutersPackageThatHidesAHandlersPackageIsAnErrorAtTheRoute() {
        JavaFileObject local = source("app", "o", """
                    @Route(method = "GET", path = "/local")
                    public String get() {
                        return "local";
                    }
                """);
        JavaFileObject far = source("o", "Orders", """
                    @Route(method = "GET", path = "/orders")
                    public String list() {
                        return "orders";
                    }
                """);
        Compilation compilation = compile(List.of("-Aspur.router=app.SpurRouter"), local, far);
        assertOnlyError(compilation, Diagnostic.OBSCURED_PACKAGE.format("o.Orders", "app.SpurRouter", "app.o", "o"),
                far, 8);
    }

    @Test
    void aHeadRouteBesideAConditionalGetRouteCompiles() {
        // allow() once called the HEAD-only matcher with the parameters of the HEAD-or-GET one
        JavaFileObject api = source("app", "Api", """
                    @Route(method = "HEAD", path = "/x")
                    public void head() {
                    }

                    @Route(method = "GET", path = "/x")
                    @dev.spur.Match(header = "X-Beta")
                    public String get() {
                        return "x";
                    }
                """);
        assertThat(compile(List.of("-Xlint:all"), api)).succeededWithoutWarnings();
    }
}
