package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.SpurProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code -Aspur.router} value that cannot name the router is one error, on the first handler
 * class (an option has no source position of its own), and nothing is generated.
 */
class RouterNameDiagnosticsTest {

    private static final String NOT_A_NAME = "write a fully qualified class name such as com.example.web.Router: "
            + "identifiers separated by single dots, none empty, none starting with a digit, none a keyword";

    private static final JavaFileObject HANDLERS = JavaFileObjects.forSourceString("app.Handlers", """
            package app;

            import dev.spur.Route;

            public class Handlers {
                @Route(path = "/ping")
                public String ping() {
                    return "pong";
                }
            }
            """);

    private static void assertBadName(String name, String problem) {
        assertOnlyError(compile(List.of("-A" + SpurProcessor.ROUTER_OPTION + "=" + name), HANDLERS),
                Diagnostic.BAD_ROUTER_NAME.format(SpurProcessor.ROUTER_OPTION, name, problem), HANDLERS, 5);
    }

    @Test
    void aSegmentStartingWithADigitIsNoRouterName() {
        assertBadName("fz.1bad", NOT_A_NAME);
    }

    @Test
    void aTrailingDotIsNoRouterName() {
        assertBadName("o.", NOT_A_NAME);
    }

    @Test
    void twoDotsInARowAreNoRouterName() {
        assertBadName("o..X", NOT_A_NAME);
    }

    @Test
    void aKeywordIsNoRouterName() {
        assertBadName("o.class.Router", NOT_A_NAME);
    }

    @Test
    void theNameOfTheRoutersBuilderIsNoRouterName() {
        assertBadName("o.Builder", "the router declares a nested class Builder, and a class cannot share its name "
                + "with one of its members; choose another simple name");
    }

    @Test
    void aJavaLangNameTheRouterUsesIsNoRouterName() {
        assertBadName("o.String", "the router's code uses java.lang.String, which a router named String would "
                + "hide; choose another simple name");
    }
}
