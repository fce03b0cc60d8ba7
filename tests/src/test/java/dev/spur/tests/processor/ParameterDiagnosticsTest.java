package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Handler parameters and results the generated router cannot supply or write are compile errors
 * on the parameter (or its annotation value) and on the method.
 */
class ParameterDiagnosticsTest {

    static final String VALUE_TYPES = "use String, int, long, double, boolean (or their boxes), BigDecimal, "
            + "BigInteger, an enum, or a type with a public static valueOf(String), of(String), parse(CharSequence), "
            + "parse(String) or fromString(String) such as UUID, LocalDate or Instant";

    /**
     * A handler class {@code app.Handlers} with one route {@code route} (line 10) whose method has
     * the parameters {@code first} (line 11) and {@code second} (line 12).
     */
    private static JavaFileObject handler(String route, String first, String second) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Body;
                import dev.spur.Header;
                import dev.spur.Query;
                import dev.spur.Route;
                import java.util.Optional;

                public class Handlers {
                    %s
                    public String handle(%s,
                                         %s) {
                        return "x";
                    }
                }
                """.formatted(route, first, second));
    }

    @Test
    void parameterThatIsNeitherInTheTemplateNorAnnotatedIsUnknown() {
        JavaFileObject source = handler("@Route(path = \"/users/{id}\")", "String id", "String name");
        assertOnlyError(compile(source), Diagnostic.UNKNOWN_PARAM.format("name", "/users/{id}"), source, 12);
    }

    @Test
    void queryParameterOfMapTypeIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/search\")", "@Query String q",
                "@Query java.util.Map<String, String> tags");
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("tags",
                "java.util.Map<java.lang.String,java.lang.String>",
                "a query parameter is read as a value: " + VALUE_TYPES + ", or an Optional, List or Set of one"),
                source, 12);
    }

    @Test
    void headerOfATypeWithoutFactoryIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/feed\")", "@Query String q",
                "@Header(\"X-File\") Optional<java.io.File> file");
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("file",
                "java.util.Optional<java.io.File>", "java.io.File has no public static valueOf(String), of(String), "
                        + "parse(CharSequence), parse(String) or fromString(String) to convert text with, and Spur calls "
                        + "no constructor; a header is read as a value: " + VALUE_TYPES
                        + ", or an Optional, List or Set of one"), source, 12);
    }

    @Test
    void primitiveBodyIsUnsupported() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/counters/{id}\")", "String id",
                "@Body int count");
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("count", "int",
                "a body is String, byte[] or a class, record or collection read as JSON"), source, 12);
    }

    @Test
    void optionalBodyIsUnsupported() {
        JavaFileObject source = handler("@Route(method = \"PUT\", path = \"/notes/{id}\")", "String id",
                "@Body Optional<String> note");
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("note",
                "java.util.Optional<java.lang.String>",
                "a body is String, byte[] or a class, record or collection read as JSON"), source, 12);
    }

    @Test
    void secondBodyIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/notes\")", "@Body String first",
                "@Body byte[] second");
        assertOnlyError(compile(source), Diagnostic.CONFLICTING_BINDING.format("second",
                "is a second @Body; a handler reads at most one body"), source, 12);
    }

    @Test
    void queryAndHeaderOnOneParameterAreAConflictingBinding() {
        JavaFileObject source = handler("@Route(path = \"/items/{id}\")", "String id",
                "@Query @Header(\"X-Lang\") String lang");
        assertOnlyError(compile(source), Diagnostic.CONFLICTING_BINDING.format("lang",
                "has more than one of @Query, @Header, @Cookie, @Form and @Body; keep one"), source, 12);
    }

    @Test
    void optionalWithDefaultValueIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(path = \"/items\")", "@Query String q",
                "@Query(defaultValue = \"1\") Optional<Integer> page");
        assertOnlyError(compile(source), Diagnostic.CONFLICTING_BINDING.format("page",
                "is an Optional and has a defaultValue; keep one of them"), source, 12);
    }

    @Test
    void defaultValueThatIsNoIntegerIsReportedOnTheDefaultValue() {
        JavaFileObject source = handler("@Route(path = \"/items\")", "@Query String q",
                "@Query(defaultValue = \"ten\") int limit");
        assertOnlyError(compile(source), Diagnostic.BAD_DEFAULT.format("ten", "limit", "an integer"), source, 12);
    }

    @Test
    void defaultValueThatIsNoConstantOfTheEnumIsReported() {
        JavaFileObject source = handler("@Route(path = \"/items\")", "@Query String q",
                "@Header(value = \"X-Unit\", defaultValue = \"mile\") java.util.concurrent.TimeUnit unit");
        assertOnlyError(compile(source), Diagnostic.BAD_DEFAULT.format("mile", "unit",
                "one of nanoseconds, microseconds, milliseconds, seconds, minutes, hours, days"), source, 12);
    }

    @Test
    void emptyHeaderNameIsABadParamName() {
        JavaFileObject source = handler("@Route(path = \"/items\")", "@Query String q", "@Header(\"\") String trace");
        assertOnlyError(compile(source), Diagnostic.BAD_PARAM_NAME.format("", "header"), source, 12);
    }

    @Test
    void queryNameWithSpaceIsABadParamName() {
        JavaFileObject source = handler("@Route(path = \"/items\")", "@Query String q",
                "@Query(\"sort by\") String sort");
        assertOnlyError(compile(source), Diagnostic.BAD_PARAM_NAME.format("sort by", "query parameter"), source, 12);
    }

    @Test
    void primitiveResultIsAnUnsupportedReturnTypeOnTheMethod() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/count")
                    public int count() {
                        return 1;
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_RETURN_TYPE.format("int", "count()"), source, 7);
    }

    @Test
    void optionalOfWildcardResultIsAnUnsupportedReturnType() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Route;
                import java.util.Optional;

                public class Handlers {
                    @Route(path = "/maybe")
                    public Optional<?> maybe() {
                        return Optional.empty();
                    }
                }
                """);
        assertOnlyError(compile(source), Diagnostic.UNSUPPORTED_RETURN_TYPE.format("java.util.Optional<?>", "maybe()"),
                source, 8);
    }
}
