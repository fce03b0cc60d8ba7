package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Class-file limits (issue "Processor hardening", item 5): long but legal templates give a router
 * whose names stay short, and absurd ones are a diagnostic naming the limit, never javac's
 * "constant string too long" or "UTF8 representation too long".
 */
class ClassFileLimitsTest {

    private static JavaFileObject handler(String annotations) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Match;
                import dev.spur.Route;

                public class Handlers {
                    %s
                    public String get() {
                        return "x";
                    }
                }
                """.formatted(annotations));
    }

    @Test
    void aLongTemplateOfManySegmentsCompilesWithBoundedNames() {
        String many = IntStream.range(0, 256).mapToObj(i -> "/s" + i).collect(Collectors.joining());
        String longLiteral = "/" + "x".repeat(8000);
        JavaFileObject source = handler("@Route(path = \"" + many + "\")\n"
                + "    public String many() { return \"\"; }\n"
                + "    @Route(path = \"" + longLiteral + "\")\n"
                + "    public String longLiteral() { return \"\"; }\n"
                + "    @Route(path = \"/ok\")");
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        String code = router.replaceAll("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher names = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b").matcher(code);
        while (names.find()) {
            assertTrue(names.group().length() <= 120, "a generated name of " + names.group().length() + " chars");
        }
    }

    @Test
    void manyLongMatchValuesTogetherCompile() {
        String headers = IntStream.range(0, 14).mapToObj(i -> "\"X-" + i + "=" + "\u00e9".repeat(4000) + "\"")
                .collect(Collectors.joining(", "));
        JavaFileObject source = handler("@Route(path = \"/a\")\n    @Match(header = {" + headers + "})");
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains(".join(\"\", "), "the description is joined at run time");
    }

    @Test
    void aTemplateOfTooManySegmentsIsABadPath() {
        String path = IntStream.range(0, 257).mapToObj(i -> "/s").collect(Collectors.joining());
        JavaFileObject source = handler("@Route(path = \"" + path + "\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/s".repeat(30) + "...",
                "a path template is limited to 256 segments, and this one has 257"), source, 7);
    }

    @Test
    void aTemplateOverTheLimitIsABadPath() {
        String path = "/" + "a".repeat(9000);
        JavaFileObject source = handler("@Route(path = \"" + path + "\")");
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/" + "a".repeat(59) + "...",
                "a path template is limited to 8192 bytes of UTF-8, and this one has 9001"), source, 7);
    }

    @Test
    void aPrefixAndPathOverTheLimitTogetherIsABadPath() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                @Route(path = "/%s")
                public class Handlers {
                    @Route(path = "/%s")
                    public String get() {
                        return "x";
                    }
                }
                """.formatted("p".repeat(5000), "q".repeat(5000)));
        assertOnlyError(compile(source), Diagnostic.BAD_PATH.format("/" + "p".repeat(59) + "...",
                "a path template is limited to 8192 bytes of UTF-8, and this one has 10002"), source, 7);
    }

    @Test
    void aMatchValueOverTheLimitIsTooLong() {
        String value = "X-A=" + "\u00e9".repeat(5000);
        JavaFileObject source = handler("@Route(path = \"/a\")\n    @Match(header = \"" + value + "\")");
        assertOnlyError(compile(source), Diagnostic.TOO_LONG.format("header", "X-A=" + "\u00e9".repeat(56) + "...",
                10004, 8192), source, 8);
    }

    @Test
    void aMediaTypeOverTheLimitIsTooLong() {
        String value = "text/" + "a".repeat(9000);
        JavaFileObject source = handler("@Route(path = \"/a\")\n    @Match(produces = \"" + value + "\")");
        assertOnlyError(compile(source), Diagnostic.TOO_LONG.format("produces", "text/" + "a".repeat(55) + "...",
                9005, 8192), source, 8);
    }
}
