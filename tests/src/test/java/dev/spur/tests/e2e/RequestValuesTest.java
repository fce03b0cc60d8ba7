package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cookies, repeated values as lists and sets, value types read by their own factory, and form
 * fields, over loopback: each converts, and a value that is missing, repeated where one is expected,
 * or does not convert is a 400 naming the parameter and what was expected.
 */
class RequestValuesTest extends TestRouterServerTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static String ok(RawHttp.Answer answer) {
        assertEquals(200, answer.status(), answer::text);
        return answer.text();
    }

    private static RawHttp.Answer get(String target, String... headers) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return http.send("GET", target, map, null);
    }

    private static RawHttp.Answer post(String target, String contentType, String body) throws IOException {
        return http.send("POST", target, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                utf8(body));
    }

    @Test
    void cookiesAreReadByNameWithOptionalDefaultAndRepeatedOnes() throws IOException {
        assertEquals("session=abc theme=dark size=3 ids=[1, 2]",
                ok(get("/values/cookies", "Cookie", "session=abc; theme=\"dark\"; size=3; id=1; id=2")));
        assertEquals("session=abc theme=none size=10 ids=[]", ok(get("/values/cookies", "Cookie", "session=abc")));
    }

    @Test
    void cookiesSplitOverSeveralFieldsAreAllRead() throws IOException {
        assertEquals("session=s1 theme=light size=10 ids=[7]",
                ok(get("/values/cookies", "Cookie", "session=s1", "cookie", "theme=light; id=7")));
    }

    @Test
    void aSingleValuedCookieSentTwiceTakesTheFirst() throws IOException {
        // browsers send the cookie of the most specific path first (RFC 6265, 5.4)
        assertEquals("session=inner theme=none size=10 ids=[]",
                ok(get("/values/cookies", "Cookie", "session=inner; session=outer")));
    }

    @Test
    void aMissingOrBadCookieIs400NamingIt() throws IOException {
        assertExactProblem(get("/values/cookies"), 400, "Cookie 'session' is required.");
        assertExactProblem(get("/values/cookies", "Cookie", "Session=x"), 400, "Cookie 'session' is required.");
        assertExactProblem(get("/values/cookies", "Cookie", "session=x; size=big"), 400,
                "Cookie 'size' must be an integer, not 'big'.");
        assertExactProblem(get("/values/cookies", "Cookie", "session=x; id=1; id=two"), 400,
                "Cookie 'id' must be an integer, not 'two'.");
    }

    @Test
    void repeatedQueryParametersAndHeaderElementsAreListsAndSets() throws IOException {
        assertEquals("n=[3, 1, 3] tags=[b, a] shades=[DARK, LIGHT] "
                        + "ids=[123e4567-e89b-12d3-a456-426614174000, 00000000-0000-0000-0000-000000000001] "
                        + "labels=[x, \"y,z\", w]",
                ok(get("/values/lists?n=3&n=1&n=3&tag=b&tag=a&tag=b&shades=dark&shades=LIGHT&shades=Dark",
                        "X-Ids", "123e4567-e89b-12d3-a456-426614174000 ,, 00000000-0000-0000-0000-000000000001",
                        "X-Labels", "x, \"y,z\"", "x-labels", "w")));
    }

    @Test
    void anAbsentListOrSetIsEmpty() throws IOException {
        assertEquals("n=[] tags=[] shades=[] ids=[] labels=[]", ok(get("/values/lists")));
    }

    @Test
    void aBadElementOfAListIs400NamingTheParameter() throws IOException {
        assertExactProblem(get("/values/lists?n=1&n=x"), 400, "Query parameter 'n' must be an integer, not 'x'.");
        assertExactProblem(get("/values/lists?shades=grey"), 400,
                "Query parameter 'shades' must be one of light, dark, not 'grey'.");
        assertExactProblem(get("/values/lists", "X-Ids", "1, 2"), 400, "Header 'X-Ids' must be a UUID, not '1'.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/typed/query?i=1&i=9&l=2&d=3&b=false&u=123e4567-e89b-12d3-a456-426614174000&c=GREEN&s=x "
                    + "| Query parameter 'i' is given 2 times; it takes one value.",
            "/typed/optional?name=a&name=b&name=c | Query parameter 'name' is given 3 times; it takes one value.",
            "/values/types?day=2024-01-31&day=2024-02-01 | Query parameter 'day' is given 2 times; it takes one value.",
    })
    void aSingleValuedQueryParameterGivenTwiceIs400(String target, String detail) throws IOException {
        assertExactProblem(get(target), 400, detail);
    }

    @Test
    void aSingleValuedHeaderSentTwiceIs400() throws IOException {
        assertExactProblem(get("/values/types?day=2024-01-31", "X-Order", "ord-1", "x-order", "ord-2"), 400,
                "Header 'X-Order' is given 2 times; it takes one value.");
    }

    @Test
    void valueTypesConvertWithTheirOwnFactories() throws IOException {
        assertEquals("day=2024-02-29 at=2024-01-31T10:15:30Z wait=PT15M amount=12.50 big=123456789012345678901234567890 "
                        + "order=ord-42 also=[2024-01-01, 2024-12-31]",
                ok(get("/values/types?day=2024-02-29&at=2024-01-31T10:15:30Z&wait=PT15M&amount=12.50"
                                + "&big=123456789012345678901234567890&also=2024-01-01&also=2024-12-31",
                        "X-Order", "ord-42")));
        assertEquals("day=2024-01-31 at=none wait=PT1M amount=none big=none order=none also=[]",
                ok(get("/values/types?day=2024-01-31")));
        assertEquals("THURSDAY ord-7", ok(get("/values/days/2024-02-29/orders/ord-7")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/values/types                              | Query parameter 'day' is required.",
            "/values/types?day=2024-02-30               | Query parameter 'day' must be a date such as 2024-01-31, not '2024-02-30'.",
            "/values/types?day=31.01.2024               | Query parameter 'day' must be a date such as 2024-01-31, not '31.01.2024'.",
            "/values/types?day=2024-01-31&at=yesterday  | Query parameter 'at' must be an instant such as 2024-01-31T10:15:30Z, not 'yesterday'.",
            "/values/types?day=2024-01-31&wait=15m      | Query parameter 'wait' must be a duration such as PT15M, not '15m'.",
            "/values/types?day=2024-01-31&amount=1,5    | Query parameter 'amount' must be a decimal number, not '1,5'.",
            "/values/types?day=2024-01-31&amount=1e9999 | Query parameter 'amount' must be a decimal number, not '1e9999'.",
            "/values/types?day=2024-01-31&amount=%D9%A1 | Query parameter 'amount' must be a decimal number, not '\u0661'.",
            "/values/types?day=2024-01-31&big=1.0       | Query parameter 'big' must be an integer, not '1.0'.",
            "/values/types?day=2024-01-31&also=x        | Query parameter 'also' must be a date such as 2024-01-31, not 'x'.",
            "/values/days/2024-13-01/orders/ord-1       | Path parameter 'day' must be a date such as 2024-01-31, not '2024-13-01'.",
            "/values/days/2024-01-01/orders/42          | Path parameter 'order' must be a valid OrderId, not '42'.",
    })
    void aValueItsFactoryRefusesIs400SayingWhatWasExpected(String target, String detail) throws IOException {
        assertExactProblem(get(target), 400, detail);
    }

    @Test
    void anOwnTypeRefusedInAHeaderIs400() throws IOException {
        assertExactProblem(get("/values/types?day=2024-01-31", "X-Order", "order 9"), 400,
                "Header 'X-Order' must be a valid OrderId, not 'order 9'.");
    }

    @Test
    void formFieldsAreReadOneByOne() throws IOException {
        assertEquals("name=Ann Lee age=41 tags=[a&b, caf\u00e9] subscribe=true",
                ok(post("/values/form", FORM, "name=Ann+Lee&age=41&tag=a%26b&tag=caf%C3%A9&subscribe=TRUE")));
        assertEquals("name= age=none tags=[] subscribe=false", ok(post("/values/form", FORM, "name=")));
        assertEquals("name=x age=none tags=[] subscribe=false",
                ok(post("/values/form", FORM + "; charset=UTF-8", "&&name=x&")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age=3                  | Form field 'name' is required.",
            "name=a&age=old         | Form field 'age' must be an integer, not 'old'.",
            "name=a&name=b          | Form field 'name' is given 2 times; it takes one value.",
            "name=a&subscribe=maybe | Form field 'subscribe' must be true or false, not 'maybe'.",
            "name=%zz               | The form body is malformed: '%' must start an escape such as %20.",
            "name=%C3               | The form body is not valid UTF-8 once decoded.",
    })
    void badOrMissingFormFieldsAre400NamingThem(String body, String detail) throws IOException {
        assertExactProblem(post("/values/form", FORM, body), 400, detail);
    }

    @Test
    void aMissingFormBodyIsAFormWithoutFields() throws IOException {
        assertExactProblem(http.send("POST", "/values/form", Map.of(), null), 400, "Form field 'name' is required.");
    }

    @Test
    void aFormBodyOfAnotherMediaTypeIs415() throws IOException {
        String detail = "The request body must be a form (Content-Type: application/x-www-form-urlencoded).";
        assertExactProblem(post("/values/form", "application/json", "{\"name\":\"a\"}"), 415, detail);
        assertExactProblem(post("/values/form", "multipart/form-data; boundary=x", "name=a"), 415, detail);
        assertExactProblem(post("/values/form", null, "name=a"), 415, detail);
        assertExactProblem(post("/values/form", FORM + "; charset=iso-8859-1", "name=a"), 415,
                "A form body is UTF-8; send no charset parameter, or charset=utf-8.");
    }

    @Test
    void aFormIsBoundToARecord() throws IOException {
        assertEquals("SignUp[email=a@example.org, displayName=Optional[Ann], age=30, interests=[go, java], language=fr]",
                ok(post("/values/signup", FORM,
                        "email=a%40example.org&display-name=Ann&age=30&interest=go&interest=java&language=fr")));
        assertEquals("SignUp[email=b@example.org, displayName=Optional.empty, age=7, interests=[], language=en]",
                ok(post("/values/signup", FORM, "email=b@example.org&age=7")));
    }

    @Test
    void aFormRecordNamesTheFieldThatIsMissingOrBad() throws IOException {
        assertExactProblem(post("/values/signup", FORM, "email=a@example.org"), 400, "Form field 'age' is required.");
        assertExactProblem(post("/values/signup", FORM, "email=a@example.org&age=x"), 400,
                "Form field 'age' must be an integer, not 'x'.");
        assertExactProblem(post("/values/signup", FORM, "age=1&display-name=a&display-name=b&email=e"), 400,
                "Form field 'display-name' is given 2 times; it takes one value.");
    }
}
