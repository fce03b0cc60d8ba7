package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the processor writes for a representative handler set: its exact text
 * (golden {@code openapi/SpurRouter.openapi.json}), its validity as OpenAPI 3.1 (swagger-parser),
 * its determinism, and the compile error for an {@code @Answer} status that is no HTTP status.
 */
class OpenApiDocumentTest {

    private static final List<JavaFileObject> SOURCES = List.of(
            JavaFileObjects.forSourceString("api.Api", """
                    package api;

                    import dev.spur.Answer;
                    import dev.spur.Body;
                    import dev.spur.Header;
                    import dev.spur.Layer;
                    import dev.spur.Match;
                    import dev.spur.Query;
                    import dev.spur.Route;
                    import dev.spur.runtime.HttpProblem;
                    import dev.spur.runtime.Response;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.Optional;
                    import java.util.Set;
                    import java.util.UUID;

                    @Route(path = "/items")
                    public class Api {
                        public enum Color { RED, GREEN }
                        public record Page<T>(List<T> items, int total, Optional<String> next) { }
                        public record Item(UUID id, String name, Color color, Set<String> tags,
                                           Map<String, Double> prices, Optional<Item> parent, byte[] image) { }

                        /**
                         * Lists items. Filtered by color, a page at a time.
                         *
                         * @param color only this color
                         */
                        @Route
                        public Page<Item> list(@Query Optional<Color> color, @Query(defaultValue = "20") int limit,
                                               @Header("X-Trace") Optional<String> trace) {
                            return null;
                        }

                        /** One item. */
                        @Route(path = "/{id}")
                        public Optional<Item> get(UUID id) {
                            return Optional.empty();
                        }

                        /** Creates an item. */
                        @Route(method = Route.POST)
                        @Layer(Guard.class)
                        @Answer(status = 201, description = "Created", body = Item.class)
                        @Answer(status = 409, description = "The name is taken")
                        public Response create(@Body Item item, @Query("dry") boolean dryRun) {
                            throw new HttpProblem(409, "Conflict", "taken");
                        }

                        /** Stores a picture. */
                        @Route(method = Route.PUT, path = "/{id}/image")
                        @Match(consumes = "image/png")
                        public void image(long id, @Body byte[] image) {
                        }

                        /** The item's name as text. */
                        @Route(path = "/{id}/name")
                        @Match(produces = "text/plain")
                        public String name(long id) {
                            return "";
                        }

                        /** Files under a prefix. */
                        @Route(path = "/files/{*rest}")
                        public String file(String rest, @Body String note) {
                            return rest;
                        }
                    }
                    """),
            JavaFileObjects.forSourceString("api.Guard", """
                    package api;

                    import dev.spur.Answer;
                    import dev.spur.runtime.Exchange;
                    import dev.spur.runtime.Layer;

                    @Answer(status = 401, description = "No valid bearer token", bearer = true)
                    public class Guard implements Layer {
                        @Override
                        public void handle(Exchange exchange, Next next) {
                            next.proceed(exchange);
                        }
                    }
                    """));

    private static String document() throws IOException {
        Compilation compilation = compile(SOURCES.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/spur/api.SpurRouter.openapi.json")
                .orElseThrow().getCharContent(false).toString();
    }

    @Test
    void theDocumentIsTheGoldenOne() throws IOException {
        Golden.assertMatches("openapi/SpurRouter.openapi.json", document());
    }

    @Test
    void theDocumentIsValidOpenApi31AndDeterministic() throws IOException {
        String text = document();
        assertEquals(text, document());
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
        JsonNode doc = new ObjectMapper().readTree(text);
        assertEquals("3.1.0", doc.get("openapi").asText());
    }

    @Test
    void anAnswerStatusOutsideHttpIsACompileError() {
        JavaFileObject source = JavaFileObjects.forSourceString("bad.Api", """
                package bad;

                import dev.spur.Answer;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    @Answer(status = 999, description = "no such status")
                    public String a() {
                        return "a";
                    }
                }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(Diagnostic.ANSWER_BAD_STATUS.format(999))
                .inFile(source).onLine(8);
    }
}
