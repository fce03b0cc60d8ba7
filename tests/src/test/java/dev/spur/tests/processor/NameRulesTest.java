package dev.spur.tests.processor;

import static dev.spur.tests.processor.Processing.assertOnlyError;
import static dev.spur.tests.processor.Processing.assertWarningFreeRouter;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One rule for query names and one for header names, for {@code @Query}/{@code @Header} and
 * {@code @Match} alike, and IPv4-mapped networks in {@code @Match(remote = ...)} (issue "Processor
 * hardening", item 12).
 */
class NameRulesTest {

    private static JavaFileObject handler(String annotations, String parameters) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Header;
                import dev.spur.Match;
                import dev.spur.Query;
                import dev.spur.Route;

                public class Handlers {
                    @Route(path = "/items")
                    %s
                    public String get(%s) {
                        return "x";
                    }
                }
                """.formatted(annotations, parameters));
    }

    @Test
    void jsonApiAndNonAsciiQueryNamesCompileAsParametersAndConditions() {
        JavaFileObject source = handler("@Match(query = {\"page[number]\", \"caf\u00e9=1\"})",
                "@Query(\"page[size]\") int size, @Query(\"caf\u00e9\") String cafe, "
                        + "@Query(\"filter[a.b]\") java.util.Optional<String> filter");
        String router = assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("\"page[size]\""), router);
        assertTrue(router.contains("\"caf\\u00e9\""), router);
    }

    @Test
    void aQueryNameWithADelimiterIsABadParamNameInBothPlaces() {
        JavaFileObject parameter = handler("", "@Query(\"a=b\") String q");
        assertOnlyError(compile(parameter), Diagnostic.BAD_PARAM_NAME.format("a=b", "query parameter"), parameter, 11);
        JavaFileObject control = handler("", "@Query(\"a\\u0001\") String q");
        assertOnlyError(compile(control), Diagnostic.BAD_PARAM_NAME.format("a\u0001", "query parameter"), control, 11);
        JavaFileObject condition = handler("@Match(query = \"a\\u0001b=1\")", "");
        assertOnlyError(compile(condition), Diagnostic.BAD_QUERY.format("a\u0001b=1"), condition, 10);
    }

    @Test
    void aHeaderNameIsATokenInBothPlaces() {
        JavaFileObject parameter = handler("", "@Header(\"X[a]\") String h");
        assertOnlyError(compile(parameter), Diagnostic.BAD_PARAM_NAME.format("X[a]", "header"), parameter, 11);
        JavaFileObject condition = handler("@Match(header = \"X[a]=1\")", "");
        assertOnlyError(compile(condition), Diagnostic.BAD_HEADER.format("X[a]=1"), condition, 10);
        assertWarningFreeRouter("app.SpurRouter", handler("@Match(header = \"X-A~b=1\")", "@Header(\"X-A~b\") String h"));
    }

    @Test
    void anIpv4MappedNetworkIsAccepted() {
        String router = assertWarningFreeRouter("app.SpurRouter",
                handler("@Match(remote = {\"::ffff:10.0.0.0/104\", \"::ffff:192.0.2.1\", \"::ffff:0:0/96\"})", ""));
        assertTrue(router.contains("::ffff:10.0.0.0/104"), router);
        JavaFileObject tooWide = handler("@Match(remote = \"::ffff:10.0.0.0/129\")", "");
        assertOnlyError(compile(tooWide), Diagnostic.BAD_CIDR.format("::ffff:10.0.0.0/129",
                "prefix '/129' must be 0..128"), tooWide, 10);
    }
}
