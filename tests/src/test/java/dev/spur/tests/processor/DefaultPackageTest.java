package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Handler classes in the unnamed package (issue "Processor hardening", item 3): alone they get a
 * router in the unnamed package; beside a router in a named package they are a
 * {@code Route/DefaultPackage} error on the class, never a router javac rejects.
 */
class DefaultPackageTest {

    private static final JavaFileObject STRAY = JavaFileObjects.forSourceString("Stray", """
            import dev.spur.Route;

            public class Stray {
                @Route(path = "/stray")
                public String stray() {
                    return "stray";
                }
            }
            """);

    private static final JavaFileObject ITEMS = JavaFileObjects.forSourceString("app.Items", """
            package app;

            import dev.spur.Route;

            public class Items {
                @Route(path = "/items")
                public String items() {
                    return "items";
                }
            }
            """);

    @Test
    void anUnnamedPackageHandlerBesideANamedOneIsAnError() {
        assertOnlyError(compile(STRAY, ITEMS),
                Diagnostic.DEFAULT_PACKAGE.format("Stray", "SpurRouter", "app", "Stray"), STRAY, 3);
    }

    @Test
    void anUnnamedPackageHandlerWithARouterNamedIntoAPackageIsAnError() {
        assertOnlyError(compile(List.of("-Aspur.router=web.Router"), STRAY),
                Diagnostic.DEFAULT_PACKAGE.format("Stray", "Router", "web", "Stray"), STRAY, 3);
    }

    @Test
    void handlersAllInTheUnnamedPackageGetARouterThere() {
        assertWarningFreeRouter("SpurRouter", STRAY);
    }
}
