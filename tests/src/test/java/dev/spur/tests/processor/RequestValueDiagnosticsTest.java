package dev.spur.tests.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyErrorAt;
import static dev.spur.tests.processor.Processing.column;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;

import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Misused cookies, form fields, lists and value types are compile errors, each with its stable ID,
 * at the parameter or the annotation value that is wrong (file, line and column); a handler using
 * every new kind of parameter generates a router that compiles without a warning.
 */
class RequestValueDiagnosticsTest {

    private static final String VALUE_TYPES = ParameterDiagnosticsTest.VALUE_TYPES;
    private static final String NO_FACTORY = " has no public static valueOf(String), of(String), parse(CharSequence), "
            + "parse(String) or fromString(String) to convert text with";

    /**
     * A handler class {@code app.Handlers} with one route {@code route} (line 13) whose method takes
     * {@code first} (line 14) and {@code second} (line 15); {@code types} are declared inside the class
     * from line 18.
     */
    private static JavaFileObject handler(String route, String first, String second, String types) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Body;
                import dev.spur.Cookie;
                import dev.spur.Form;
                import dev.spur.Header;
                import dev.spur.Query;
                import dev.spur.Route;
                import java.util.List;
                import java.util.Optional;

                public class Handlers {
                    %s
                    public String handle(%s,
                                         %s) {
                        return "x";
                    }
                    %s
                }
                """.formatted(route, first, second, types));
    }

    private static JavaFileObject handler(String route, String first, String second) {
        return handler(route, first, second, "");
    }

    /** The column (from 1) where {@code text} starts on {@code line} of {@code file}. */


    @Test
    void aQueryParameterOfATypeWithOnlyAConstructorIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/files\")", "@Query String q", "@Query java.io.File file");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("file", "java.io.File",
                "java.io.File" + NO_FACTORY + ", and Spur calls no constructor; a query parameter is read as a value: "
                        + VALUE_TYPES + ", or an Optional, List or Set of one"), source, 15, "file");
    }

    @Test
    void aPathParameterOfATypeWithoutFactoryIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/threads/{thread}\")", "Thread thread", "@Query String q");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("thread", "java.lang.Thread",
                "java.lang.Thread" + NO_FACTORY + ", and Spur calls no constructor; a path parameter is one value: "
                        + VALUE_TYPES), source, 14, "thread");
    }

    @Test
    void aFactoryDeclaringACheckedExceptionIsNotUsedAndTheErrorSaysSo() {
        JavaFileObject source = handler("@Route(path = \"/codes\")", "@Query String q", "@Cookie Code code", """
                public record Code(String text) {
                        public static Code parse(String text) throws java.io.IOException {
                            return new Code(text);
                        }
                    }""");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("code", "app.Handlers.Code",
                "app.Handlers.Code" + NO_FACTORY + " (its parse(java.lang.String) declares the checked exception "
                        + "java.io.IOException), and Spur calls no constructor; a cookie is read as a value: "
                        + VALUE_TYPES + ", or an Optional, List or Set of one"), source, 15, "code");
    }

    @Test
    void aShortIsUnsupportedThoughItHasValueOf() {
        JavaFileObject source = handler("@Route(path = \"/n\")", "@Query String q", "@Query Short n");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("n", "java.lang.Short",
                "a query parameter is read as a value: " + VALUE_TYPES + ", or an Optional, List or Set of one"),
                source, 15, "n)");
    }

    @Test
    void anOptionalListIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/tags\")", "@Query String q",
                "@Query Optional<List<String>> tags");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("tags",
                "java.util.Optional<java.util.List<java.lang.String>>", "a query parameter is read as a value: "
                        + VALUE_TYPES + ", or an Optional, List or Set of one"), source, 15, "tags");
    }

    @Test
    void aListWithADefaultValueIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(path = \"/pages\")", "@Query String q",
                "@Query(defaultValue = \"1\") List<Integer> page");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("page",
                "is a List and has a defaultValue; an absent List is empty, so remove the defaultValue"),
                source, 15, "page");
    }

    @Test
    void aCookieNameThatIsNoTokenIsABadParamName() {
        JavaFileObject source = handler("@Route(path = \"/c\")", "@Query String q", "@Cookie(\"a b\") String c");
        assertOnlyErrorAt(compile(source), Diagnostic.BAD_PARAM_NAME.format("a b", "cookie"), source, 15, "\"a b\"");
    }

    @Test
    void aDefaultDateThatDoesNotParseIsABadDefault() {
        JavaFileObject source = handler("@Route(path = \"/days\")", "@Query String q",
                "@Query(defaultValue = \"tomorrow\") java.time.LocalDate day");
        assertOnlyErrorAt(compile(source), Diagnostic.BAD_DEFAULT.format("tomorrow", "day", "a date such as 2024-01-31"),
                source, 15, "\"tomorrow\"");
    }

    @Test
    void aFormFieldBesideABodyIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/f\")", "@Body String text",
                "@Form String name");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("name", "is a @Form field beside "
                + "@Body 'text'; a handler reads its body once: as @Body, or as @Form fields"), source, 15, "name");
    }

    @Test
    void aBodyBesideAFormFieldIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/f\")", "@Form String name",
                "@Body String text");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("text", "is a @Body beside @Form "
                + "'name'; a handler reads its body once: as @Body, or as @Form fields"), source, 15, "text");
    }

    @Test
    void aFormRecordComponentWithoutConversionIsReportedOnTheParameter() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/f\")", "@Query String q",
                "@Form Upload upload", "public record Upload(String name, java.io.File file) { }");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_PARAM_TYPE.format("upload", "app.Handlers.Upload",
                "form record component 'file' has type java.io.File: java.io.File" + NO_FACTORY + ", and Spur calls "
                        + "no constructor; a form field is read as a value: " + VALUE_TYPES
                        + ", or an Optional, List or Set of one"), source, 15, "upload");
    }

    @Test
    void aFormRecordWithANameOnTheParameterIsAConflictingBinding() {
        JavaFileObject source = handler("@Route(method = \"POST\", path = \"/f\")", "@Query String q",
                "@Form(\"u\") Upload upload", "public record Upload(String name) { }");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("upload", "is a form record, whose "
                + "fields are its components: put the field names and defaults on the components, not on the "
                + "parameter"), source, 15, "upload");
    }

    @Test
    void aFormRecordComponentKeepsItsFieldNameBesideAnExplicitConstructor() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Form;
                import dev.spur.Route;

                public class Handlers {
                    public record Contact(@Form("e-mail") String email, @Form(defaultValue = "3") int rating) {
                        public Contact(String email, int rating) {
                            this.email = email.strip();
                            this.rating = rating;
                        }
                    }

                    @Route(method = "POST", path = "/contact")
                    public String contact(@Form Contact contact) {
                        return "x";
                    }
                }
                """);
        String router = Processing.assertWarningFreeRouter("app.SpurRouter", source);
        assertThat(router).contains("String email = form.requiredField(\"e-mail\");");
        assertThat(router).contains("int rating = Params.toInt(form.field(\"rating\").orElse(\"3\"), \"form field 'rating'\");");
    }

    @Test
    void everyNewKindOfParameterGeneratesAWarningFreeRouter() {
        JavaFileObject source = JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Cookie;
                import dev.spur.Form;
                import dev.spur.Header;
                import dev.spur.Query;
                import dev.spur.Route;
                import java.math.BigDecimal;
                import java.time.Duration;
                import java.time.LocalDate;
                import java.util.List;
                import java.util.Optional;
                import java.util.Set;

                public class Handlers {
                    public enum Size { S, M }

                    public record Sku(String text) {
                        public static Sku valueOf(String text) {
                            return new Sku(text);
                        }

                        public static Sku of(String text) {
                            return new Sku(text);
                        }
                    }

                    public record Order(Sku sku, @Form(defaultValue = "1") int count, Optional<String> note,
                                        @Form("size") Set<Size> sizes) { }

                    @Route(path = "/items/{day}")
                    public String items(LocalDate day, @Query List<Integer> value, @Query Set<Size> size,
                                        @Header("X-Wait") Optional<Duration> wait, @Cookie Optional<BigDecimal> limit,
                                        @Cookie("sku") List<Sku> skus, @Query(defaultValue = "2024-01-31") LocalDate from) {
                        return "x";
                    }

                    @Route(method = "POST", path = "/orders")
                    public String order(@Form Order order, @Form("form") Optional<String> form) {
                        return "x";
                    }
                }
                """);
        String router = Processing.assertWarningFreeRouter("app.SpurRouter", source);
        // valueOf is preferred to of; one lambda parameter name serves every conversion
        assertThat(router).contains("Params.convert(value_, Handlers.Sku::valueOf, \"cookie 'sku'\", \"a valid Sku\")");
        assertThat(router).contains("FormFields form = Bodies.form(exchange);");
        assertThat(router).contains("Optional<String> form_ = form.field(\"form\");");
        assertThat(router).contains("Handlers.Order order = new Handlers.Order(sku, count, note, sizes);");
    }
}
