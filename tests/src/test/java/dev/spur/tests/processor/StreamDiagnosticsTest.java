package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.assertOnlyErrorAt;
import static dev.spur.tests.processor.Processing.compile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Streamed parameters and results: {@code @Body Multipart} and {@code @Body InputStream},
 * {@code @MultipartLimits}, Helidon's {@code SseSink}, {@code InputStream}, {@code BodyWriter} and
 * {@code CompletionStage<T>} results. Each misuse is one error at its line; correct use generates a
 * router that compiles without a warning under {@code -Xlint:all -Werror}, and the binding client
 * leaves out the routes that exist only over a connection.
 */
class StreamDiagnosticsTest {

    /**
     * A handler class {@code app.Handlers} whose route {@code route} (line 15) has a method returning
     * {@code result} (line 16) with the parameters {@code first} (line 16) and {@code second} (line 17).
     */
    private static JavaFileObject handler(String route, String result, String first, String second) {
        return JavaFileObjects.forSourceString("app.Handlers", """
                package app;

                import dev.spur.Body;
                import dev.spur.MultipartLimits;
                import dev.spur.Query;
                import dev.spur.Route;
                import dev.spur.runtime.BodyWriter;
                import dev.spur.runtime.Multipart;
                import io.helidon.webserver.sse.SseSink;
                import java.io.InputStream;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.CompletionStage;

                public class Handlers {
                    %s
                    public %s handle(%s,
                                     %s) {
                        return null;
                    }
                }
                """.formatted(route, result, first, second));
    }

    private static final String POST = "@Route(method = \"POST\", path = \"/uploads\")";

    @Test
    void aMultipartParameterNeedsBody() {
        JavaFileObject source = handler(POST, "String", "@Query String q", "Multipart upload");
        assertOnlyErrorAt(compile(source), Diagnostic.STREAM_WITHOUT_BODY.format("upload", "dev.spur.runtime.Multipart"),
                source, 17, "upload");
    }

    @Test
    void anInputStreamParameterNeedsBody() {
        JavaFileObject source = handler(POST, "String", "@Query String q", "InputStream in");
        assertOnlyErrorAt(compile(source), Diagnostic.STREAM_WITHOUT_BODY.format("in", "java.io.InputStream"), source, 17,
                "in)");
    }

    @Test
    void anEventStreamHandlerReturnsVoid() {
        JavaFileObject source = handler("@Route(path = \"/events\")", "String", "@Query String q", "SseSink events");
        assertOnlyErrorAt(compile(source), Diagnostic.EVENTS_NOT_VOID.format("handle()", "java.lang.String"), source, 16,
                "handle");
    }

    @Test
    void anEventSinkIsNoBody() {
        JavaFileObject source = handler("@Route(path = \"/events\")", "void", "@Query String q", "@Body SseSink events");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("events",
                "is the answer's event sink, not the request body; remove @Body"), source, 17, "events");
    }

    @Test
    void limitsOnAnotherParameterAreMisplaced() {
        JavaFileObject source = handler(POST, "String", "@Query String q", "@Body @MultipartLimits String text");
        assertOnlyErrorAt(compile(source), Diagnostic.MISPLACED_LIMITS.format("text"), source, 17,
                "@MultipartLimits");
    }

    @Test
    void limitsThatCannotHoldAreBad() {
        JavaFileObject source = handler(POST, "String", "@Query String q",
                "@Body @MultipartLimits(maxParts = 0) Multipart upload");
        assertOnlyErrorAt(compile(source), Diagnostic.BAD_LIMITS.format("maxParts", 0L,
                "a body may hold at least one part"), source, 17, "0)");
    }

    @Test
    void aSecondBodyBesideAMultipartIsAConflict() {
        JavaFileObject source = handler(POST, "String", "@Body Multipart upload", "@Body String text");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("text",
                "is a second body beside streamed body 'upload'; a handler reads at most one body"), source, 17,
                "text");
    }

    @Test
    void aMultipartIsNoQueryParameter() {
        JavaFileObject source = handler(POST, "String", "@Query String q", "@Query Multipart upload");
        assertOnlyErrorAt(compile(source), Diagnostic.CONFLICTING_BINDING.format("upload",
                "is the multipart request body, which no @Query can read; remove it"), source, 17, "upload");
    }

    @Test
    void aStageOfAStageIsUnsupported() {
        JavaFileObject source = handler("@Route(path = \"/later\")", "CompletionStage<CompletableFuture<String>>",
                "@Query String q", "@Query String r");
        assertOnlyErrorAt(compile(source), Diagnostic.UNSUPPORTED_RETURN_TYPE.format(
                "java.util.concurrent.CompletionStage<java.util.concurrent.CompletableFuture<java.lang.String>>",
                "handle()"), source, 16, "handle");
    }

    @Test
    void streamedRoutesGenerateWarningFreeCodeAndNoTypedBinding() {
        JavaFileObject source = files();
        String router = Processing.assertWarningFreeRouter("app.SpurRouter", source);
        assertTrue(router.contains("Uploads.multipart(exchange, 1024L, -1L, 3, 8192)"), router);
        assertTrue(router.contains("Async.await(exchange, "), router);
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        String binding = Processing.generatedSource(compilation, "app.FilesBinding");
        assertTrue(binding.contains(" get(Path name)"), binding);
        assertTrue(binding.contains(" export()"), binding);
        assertTrue(binding.contains(" later()"), binding);
        assertFalse(binding.contains(" upload("), binding);
        assertFalse(binding.contains(" put("), binding);
        assertFalse(binding.contains(" events("), binding);
    }

    @Test
    void theOpenApiDocumentDescribesMultipartOctetStreamsAndEventStreams() throws Exception {
        Compilation compilation = compile(files());
        assertThat(compilation).succeeded();
        String text = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
                "META-INF/spur/app.SpurRouter.openapi.json").orElseThrow().getCharContent(false).toString();
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(text, null, new io.swagger.v3.parser.core.models.ParseOptions());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), parsed.getMessages());
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text)
                .get("paths");
        assertTrue(paths.at("/~1files/post/requestBody/content").has("multipart/form-data"), text);
        assertTrue(paths.at("/~1files~1{name}/put/requestBody/content").has("application/octet-stream"), text);
        assertTrue(paths.at("/~1files~1{name}/get/responses/200/content").has("application/octet-stream"), text);
        assertTrue(paths.at("/~1export/get/responses/200/content").has("application/octet-stream"), text);
        assertTrue(paths.at("/~1events/get/responses/200/content").has("text/event-stream"), text);
        assertFalse(paths.at("/~1events/get/responses").has("204"), text);
        assertTrue(paths.at("/~1later/get/responses/200/content").has("application/json"), text);
    }

    private static JavaFileObject files() {
        return JavaFileObjects.forSourceString("app.Files", """
                package app;

                import dev.spur.Body;
                import dev.spur.MultipartLimits;
                import dev.spur.Route;
                import dev.spur.Service;
                import dev.spur.runtime.BodyWriter;
                import dev.spur.runtime.Multipart;
                import dev.spur.runtime.SafePath;
                import io.helidon.webserver.sse.SseSink;
                import java.io.InputStream;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.concurrent.CompletionStage;

                @Service(name = "files")
                public class Files {
                    @Route(method = "POST", path = "/files")
                    public String upload(@Body @MultipartLimits(maxPartSize = 1024, maxParts = 3) Multipart upload) {
                        return "ok";
                    }

                    @Route(method = "PUT", path = "/files/{*name}")
                    public void put(SafePath name, @Body InputStream content) {
                    }

                    @Route(path = "/files/{*name}")
                    public InputStream get(Path name) {
                        return InputStream.nullInputStream();
                    }

                    @Route(path = "/export")
                    public BodyWriter export() {
                        return out -> out.write(1);
                    }

                    @Route(path = "/events")
                    public void events(SseSink events) {
                    }

                    @Route(path = "/later")
                    public CompletionStage<List<String>> later() {
                        return null;
                    }
                }
                """);
    }
}
