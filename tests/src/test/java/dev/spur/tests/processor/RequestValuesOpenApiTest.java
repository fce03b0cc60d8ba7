package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes each kind of parameter and body: cookies ({@code in: cookie}),
 * lists as arrays sent exploded, formats of value types ({@code date}, {@code date-time},
 * {@code duration}, {@code decimal}), form bodies, and JSON components Jackson requires; and it
 * stays valid OpenAPI 3.1.
 */
class RequestValuesOpenApiTest {

    private static final JavaFileObject SOURCE = JavaFileObjects.forSourceString("api.Shop", """
            package api;

            import com.fasterxml.jackson.annotation.JsonProperty;
            import dev.spur.Body;
            import dev.spur.Cookie;
            import dev.spur.Form;
            import dev.spur.Header;
            import dev.spur.Query;
            import dev.spur.Route;
            import java.math.BigDecimal;
            import java.time.Duration;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.util.List;
            import java.util.Optional;
            import java.util.Set;

            public class Shop {
                public enum Size { S, M }

                public record Sku(String text) {
                    public static Sku parse(String text) {
                        return new Sku(text);
                    }
                }

                public record Order(@JsonProperty(required = true) String reference, String note, int count) { }

                public record Contact(String email, @Form("tel") Optional<String> phone,
                                      @Form(defaultValue = "3") int rating, @Form("topic") Set<Size> topics) { }

                @Route(path = "/orders/{day}")
                public String orders(LocalDate day, @Query List<Integer> page, @Query Optional<Instant> since,
                                     @Query(defaultValue = "12.50") BigDecimal max, @Header("X-Wait") Optional<Duration> wait,
                                     @Header("X-Tags") Set<String> tags, @Cookie String session,
                                     @Cookie("sku") List<Sku> skus) {
                    return "";
                }

                @Route(method = "POST", path = "/contact")
                public String contact(@Form Contact contact, @Form("source") String source) {
                    return "";
                }

                @Route(method = "POST", path = "/orders")
                public String order(@Body Order order) {
                    return "";
                }

                @Route(path = "/search")
                public String search(@Query Optional<String> q) {
                    return "";
                }

                @Route(path = "/preferences")
                public String preferences(@Cookie Optional<String> theme) {
                    return "";
                }
            }
            """);

    private static String text;
    private static JsonNode doc;

    @BeforeAll
    static void generate() throws IOException {
        Compilation compilation = compile(SOURCE);
        assertThat(compilation).succeededWithoutWarnings();
        text = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/spur/api.SpurRouter.openapi.json")
                .orElseThrow().getCharContent(false).toString();
        doc = new ObjectMapper().readTree(text);
    }

    private static JsonNode parameter(String path, String name) {
        for (JsonNode parameter : doc.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + text);
    }

    private static void assertJson(String expected, JsonNode actual) throws IOException {
        assertEquals(new ObjectMapper().readTree(expected), actual, actual::toPrettyString);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
    }

    @Test
    void valueTypesHaveTheirFormats() throws IOException {
        assertJson("""
                {"name":"day","in":"path","required":true,"schema":{"type":"string","format":"date"}}""",
                parameter("/orders/{day}", "day"));
        assertJson("""
                {"name":"since","in":"query","required":false,"schema":{"type":"string","format":"date-time"}}""",
                parameter("/orders/{day}", "since"));
        assertJson("""
                {"name":"max","in":"query","required":false,
                 "schema":{"type":"number","format":"decimal","default":12.50}}""",
                parameter("/orders/{day}", "max"));
        assertJson("""
                {"name":"X-Wait","in":"header","required":false,"schema":{"type":"string","format":"duration"}}""",
                parameter("/orders/{day}", "X-Wait"));
    }

    @Test
    void listsAreArraysSentExplodedInTheQueryAndCommaSeparatedInAHeader() throws IOException {
        assertJson("""
                {"name":"page","in":"query","required":false,"style":"form","explode":true,
                 "schema":{"type":"array","items":{"type":"integer","format":"int32"}}}""",
                parameter("/orders/{day}", "page"));
        assertJson("""
                {"name":"X-Tags","in":"header","required":false,"style":"simple","explode":false,
                 "schema":{"type":"array","items":{"type":"string"},"uniqueItems":true}}""",
                parameter("/orders/{day}", "X-Tags"));
    }

    @Test
    void cookiesAreParametersInCookie() throws IOException {
        assertJson("""
                {"name":"session","in":"cookie","required":true,"schema":{"type":"string"}}""",
                parameter("/orders/{day}", "session"));
        assertJson("""
                {"name":"sku","in":"cookie","required":false,"style":"form","explode":true,
                 "schema":{"type":"array","items":{"type":"string"}}}""",
                parameter("/orders/{day}", "sku"));
    }

    @Test
    void formFieldsAreAUrlEncodedRequestBody() throws IOException {
        JsonNode post = doc.at("/paths/~1contact/post");
        assertJson("""
                {"required":true,"content":{"application/x-www-form-urlencoded":{
                  "schema":{"type":"object","properties":{
                    "email":{"type":"string"},
                    "tel":{"type":"string"},
                    "rating":{"type":"integer","format":"int32","default":3},
                    "topic":{"type":"array","items":{"type":"string","enum":["S","M"]},"uniqueItems":true},
                    "source":{"type":"string"}},
                   "required":["email","source"]},
                  "encoding":{"topic":{"style":"form","explode":true}}}}}""", post.get("requestBody"));
        assertEquals("A form field is missing or malformed", post.at("/responses/400/description").asText());
        assertEquals("The body's media type is not accepted", post.at("/responses/415/description").asText());
    }

    @Test
    void anOptionalTextQueryParameterCanBeA400WhenSentTwiceAnOptionalCookieCannot() {
        assertEquals("A parameter is missing or malformed", doc.at("/paths/~1search/get/responses/400/description").asText());
        assertEquals(true, doc.at("/paths/~1preferences/get/responses/400").isMissingNode(), text);
    }

    @Test
    void aJsonComponentJacksonRequiresIsRequired() throws IOException {
        assertJson("""
                ["reference","count"]""", doc.at("/components/schemas/Order/required"));
    }
}
