package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.jsonType;
import static dev.spur.tests.e2e.E2e.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A JSON body that does not fit the route's type is a 400 whose detail names the field (its path,
 * such as {@code lines[1].count}) and what was wrong, without repeating the input; references may
 * be absent or null, primitives may not, unknown fields are refused.
 */
class JsonBodiesTest extends TestRouterServerTest {

    private static final String MAPPING = "The request body is not valid JSON for this route: ";

    private static RawHttp.Answer order(String json) throws IOException {
        return http.send("POST", "/json/orders", jsonType(), utf8(json));
    }

    @Test
    void referencesMayBeAbsentOrNullAndOptionalsAreEmpty() throws IOException {
        RawHttp.Answer answer = order("{\"reference\":\"r1\",\"customer\":null}");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("r1 note=none customer=null shipping=null due=null lines=null extras=null", answer.text());
        answer = order("{\"reference\":\"r2\",\"note\":null,\"shipping\":\"EXPRESS\",\"due\":\"2024-02-29\","
                + "\"lines\":[{\"sku\":\"a\",\"count\":2}],\"extras\":{\"gift\":1}}");
        assertEquals(200, answer.status(), answer::text);
        assertEquals("r2 note=none customer=null shipping=EXPRESS due=2024-02-29 lines=1 extras={gift=1}",
                answer.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                         | field 'reference' is required",
            "{\"reference\":\"r\",\"lines\":[{\"sku\":\"a\"}]}          | field 'lines[0].count' is missing or null; it must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"lines\":[{\"count\":1},{\"count\":null}]} | field 'lines[1].count' is missing or null; it must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"lines\":[{\"count\":\"2\"}]}        | field 'lines[0].count' must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"lines\":[{\"count\":1.5}]}          | field 'lines[0].count' must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"lines\":[{\"count\":3000000000}]}   | field 'lines[0].count' must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"lines\":{}}                         | field 'lines' must be an array",
            "{\"reference\":[]}                                         | field 'reference' must be a string",
            "{\"reference\":\"r\",\"shipping\":\"SLOW\"}                | field 'shipping' must be one of \"STANDARD\", \"EXPRESS\"",
            "{\"reference\":\"r\",\"shipping\":1}                       | field 'shipping' must be one of \"STANDARD\", \"EXPRESS\"",
            "{\"reference\":\"r\",\"due\":\"2024-02-30\"}               | field 'due' must be a date string such as \"2024-01-31\"",
            "{\"reference\":\"r\",\"extras\":{\"gift\":\"yes\"}}        | field 'extras.gift' must be an integer from -2147483648 to 2147483647",
            "{\"reference\":\"r\",\"colour\":\"red\"}                   | field 'colour' is not a field of this type",
            "{\"reference\":\"r\",\"lines\":[{\"count\":1,\"size\":2}]} | field 'lines[0].size' is not a field of this type",
            "[]                                                         | the body must be an object",
    })
    void aBodyThatDoesNotFitIs400NamingTheField(String json, String detail) throws IOException {
        assertExactProblem(order(json), 400, MAPPING + detail + ".");
    }

    @Test
    void aCompactConstructorsOwnProblemIsTheAnswer() throws IOException {
        assertExactProblem(order("{\"reference\":\"r\",\"lines\":[{\"count\":0}]}"), 400,
                "A line's count must be at least 1.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"reference\":                   | it ends early at line 1, column 14",
            "{\"reference\":\"r\",}            | malformed at line 1, column 18",
            "{'reference':'r'}                 | malformed at line 1, column 2",
            "{\"reference\":\"a\",\"reference\":\"b\"} | field 'reference' appears twice at line 1, column 29",
    })
    void malformedJsonIs400WithLineAndColumn(String json, String detail) throws IOException {
        assertExactProblem(order(json), 400, "The request body is not valid JSON: " + detail + ".");
    }

    @Test
    void aMalformedBodyOnALaterLineIsPlacedThere() throws IOException {
        assertExactProblem(order("{\n  \"reference\": \"r\",\n  \"lines\": [1 2]\n}"), 400,
                "The request body is not valid JSON: malformed at line 3, column 15.");
    }

    @Test
    void aHugeUnknownFieldNameIsNotEchoedWhole() throws IOException {
        String name = "x".repeat(20_000);
        RawHttp.Answer answer = order("{\"reference\":\"r\",\"" + name + "\":1}");
        assertExactProblem(answer, 400, MAPPING + "field '" + "x".repeat(64) + "...' is not a field of this type.");
        assertTrue(answer.body().length < 1_000, answer::text);
    }

    @Test
    void aBodyPastTheParsersLimitsIs400() throws IOException {
        String detail = "The request body is not valid JSON: it nests deeper, or holds a longer number, string or "
                + "field name, than Spur reads.";
        assertExactProblem(order("[".repeat(2_000)), 400, detail);
        assertExactProblem(order("{\"" + "x".repeat(60_000) + "\":1}"), 400, detail);
    }
}
