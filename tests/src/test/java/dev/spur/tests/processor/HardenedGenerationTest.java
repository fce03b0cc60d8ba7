package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for handler classes a fuzzer found (issue 14): valid inputs whose router once
 * did not compile. Each must now give a router that compiles under {@code -Xlint:all -Werror}.
 */
class HardenedGenerationTest {

    @Test
    void handlersWithAnyThrowsClauseCompile() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Throwing", """
                package app;

                import dev.spur.Route;
                import java.io.IOException;

                public class Throwing {
                    public static final class Oddity extends Throwable {
                        private static final long serialVersionUID = 1L;
                    }

                    @Route(path = "/throwable/{e}")
                    public String throwable(String e) throws Throwable {
                        return e;
                    }

                    @Route(path = "/oddity")
                    public static void oddity() throws Oddity, IOException {
                    }

                    @Route(path = "/checked")
                    public String checked() throws IOException, Exception, Error, RuntimeException {
                        return "";
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("UndeclaredThrowableException"), router);
    }

    @Test
    void userTextWithLineSeparatorsAndUnicodeEscapesCompiles() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Texts", """
                package app;

                import dev.spur.Match;
                import dev.spur.Query;
                import dev.spur.Route;

                public class Texts {
                    @Route(path = "/a\u2028b/\\\\u000a/\\\\uZZZZ/*/@x")
                    @Match(query = "q=\u2029\\\\u000a", header = "X-A=\\\\u002a/")
                    public String texts(@Query(value = "w", defaultValue = "\u2028\\\\u0022") String w) {
                        return w;
                    }
                }
                """);
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("\"/a\\u2028b/\\\\u000a/\\\\uZZZZ/*/@x\""), router);
    }
}
