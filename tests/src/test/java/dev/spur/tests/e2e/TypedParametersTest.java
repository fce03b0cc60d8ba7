package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed path, query and header parameters convert, and a value that does not is a 400 naming it. */
class TypedParametersTest extends TestRouterServerTest {

    private static String text(String target) throws IOException {
        RawHttp.Answer answer = http.send("GET", target);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("text/plain; charset=UTF-8", answer.header("Content-Type").orElseThrow());
        return answer.text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/typed/int/42                                   | int 42",
            "/typed/int/-7                                   | int -7",
            "/typed/long/9000000000                          | long 9000000000",
            "/typed/double/2.5                               | double 2.5",
            "/typed/double/-1e3                              | double -1000.0",
            "/typed/boolean/true                             | boolean true",
            "/typed/boolean/FALSE                            | boolean false",
            "/typed/boxed/1/2/3.5/true                       | boxed 1 2 3.5 true",
            "/typed/uuid/123e4567-e89b-12d3-a456-426614174000 | uuid 123e4567-e89b-12d3-a456-426614174000",
            "/typed/enum/GREEN                               | enum GREEN",
            "/typed/enum/dark_blue                           | enum DARK_BLUE",
            "/typed/string/plain                             | string plain",
            "/typed/string/caf%C3%A9%20au%20lait             | string café au lait",
            "/typed/string/a%2Fb                             | string a/b",
    })
    void pathParametersConvert(String target, String expected) throws IOException {
        assertEquals(expected, text(target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/typed/int/abc          | Path parameter 'value' must be an integer, not 'abc'.",
            "/typed/int/2147483648   | Path parameter 'value' must be an integer, not '2147483648'.",
            "/typed/int/4.0          | Path parameter 'value' must be an integer, not '4.0'.",
            "/typed/long/1e3         | Path parameter 'value' must be an integer, not '1e3'.",
            "/typed/double/NaN       | Path parameter 'value' must be a finite number, not 'NaN'.",
            "/typed/double/Infinity  | Path parameter 'value' must be a finite number, not 'Infinity'.",
            "/typed/boolean/yes      | Path parameter 'value' must be true or false, not 'yes'.",
            "/typed/boxed/1/x/3/true | Path parameter 'l' must be an integer, not 'x'.",
            "/typed/boxed/1/2/z/true | Path parameter 'd' must be a finite number, not 'z'.",
            "/typed/boxed/1/2/3/1    | Path parameter 'b' must be true or false, not '1'.",
            "/typed/uuid/1-2-3-4-5   | Path parameter 'value' must be a UUID, not '1-2-3-4-5'.",
            "/typed/enum/purple      | Path parameter 'value' must be one of red, green, dark_blue, not 'purple'.",
    })
    void badPathValuesAre400NamingTheParameter(String target, String detail) throws IOException {
        assertExactProblem(http.send("GET", target), 400, detail);
    }

    @Test
    void aLongBadValueIsShortenedInTheDetail() throws IOException {
        String value = "9".repeat(100);
        assertProblem(http.send("GET", "/typed/int/" + value), 400,
                "Path parameter 'value' must be an integer, not '" + "9".repeat(64) + "...'.");
    }

    @Test
    void requiredQueryParametersOfEveryTypeConvert() throws IOException {
        assertEquals("query 1 -2 0.25 true 123e4567-e89b-12d3-a456-426614174000 RED caf\u00e9",
                text("/typed/query?i=1&l=-2&d=0.25&b=TRUE&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=caf%C3%A9"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i=x&l=2&d=3&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=x | Query parameter 'i' must be an integer, not 'x'.",
            "i=1&l=x&d=3&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=x | Query parameter 'l' must be an integer, not 'x'.",
            "i=1&l=2&d=x&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=x | Query parameter 'd' must be a finite number, not 'x'.",
            "i=1&l=2&d=3&b=x&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=x    | Query parameter 'b' must be true or false, not 'x'.",
            "i=1&l=2&d=3&b=true&u=x&c=red&s=x                                     | Query parameter 'u' must be a UUID, not 'x'.",
            "i=1&l=2&d=3&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=x&s=x   | Query parameter 'c' must be one of red, green, dark_blue, not 'x'.",
            "l=2&d=3&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=red&s=x     | Query parameter 'i' is required.",
            "i=1&l=2&d=3&b=true&u=123e4567-e89b-12d3-a456-426614174000&c=red     | Query parameter 's' is required.",
    })
    void badOrMissingQueryValuesAre400NamingTheParameter(String query, String detail) throws IOException {
        assertExactProblem(http.send("GET", "/typed/query?" + query), 400, detail);
    }

    @Test
    void optionalAndDefaultedQueryParametersWhenAbsent() throws IOException {
        assertEquals("n=none color=none name=none size=7 pageSize=10 fallback=GREEN", text("/typed/optional"));
    }

    @Test
    void optionalAndDefaultedQueryParametersWhenPresent() throws IOException {
        assertEquals("n=5 color=DARK_BLUE name=Ann size=3 pageSize=50 fallback=RED",
                text("/typed/optional?n=5&color=dark_blue&name=Ann&size=3&page-size=50&fallback=red"));
    }

    @Test
    void anOptionalQueryParameterWithABadValueIsStill400() throws IOException {
        assertProblem(http.send("GET", "/typed/optional?n=five"), 400,
                "Query parameter 'n' must be an integer, not 'five'.");
        assertProblem(http.send("GET", "/typed/optional?page-size=many"), 400,
                "Query parameter 'page-size' must be an integer, not 'many'.");
    }

    @Test
    void headersConvertAndAreMatchedCaseInsensitively() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/typed/headers", Map.of(
                "x-count", "3",
                "X-ID", "123e4567-e89b-12d3-a456-426614174000",
                "X-Flag", "false",
                "X-Color", "GREEN",
                "X-Ratio", "0.75"), null);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("count=3 id=123e4567-e89b-12d3-a456-426614174000 flag=false color=GREEN ratio=0.75",
                answer.text());
    }

    @Test
    void optionalAndDefaultedHeadersWhenAbsent() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/typed/headers", Map.of("X-Count", "1"), null);
        assertEquals(200, answer.status(), answer::text);
        assertEquals("count=1 id=none flag=none color=RED ratio=0.5", answer.text());
    }

    @Test
    void aMissingRequiredHeaderIs400NamingIt() throws IOException {
        assertProblem(http.send("GET", "/typed/headers"), 400, "Header 'X-Count' is required.");
    }

    @Test
    void badHeaderValuesAre400NamingTheHeader() throws IOException {
        assertProblem(http.send("GET", "/typed/headers", Map.of("X-Count", "many"), null), 400,
                "Header 'X-Count' must be an integer, not 'many'.");
        assertProblem(http.send("GET", "/typed/headers", Map.of("X-Count", "1", "X-Id", "nope"), null), 400,
                "Header 'X-Id' must be a UUID, not 'nope'.");
        assertProblem(http.send("GET", "/typed/headers", Map.of("X-Count", "1", "X-Ratio", "-Infinity"), null), 400,
                "Header 'X-Ratio' must be a finite number, not '-Infinity'.");
    }
}
