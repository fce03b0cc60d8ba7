package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.compileWithoutProcessor;
import static dev.spur.tests.processor.Processing.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The router generated for {@link ShopSources} is exactly the reviewed golden file, and it
 * compiles without a single warning. See {@link Golden} for how to regenerate the golden file.
 */
class GoldenRouterTest {

    @Test
    void representativeHandlersGenerateTheGoldenRouter() {
        Compilation compilation = compileLinted(ShopSources.all());

        assertThat(compilation).succeededWithoutWarnings();
        Golden.assertMatches("shop/SpurRouter.java.txt", generatedSource(compilation, ShopSources.ROUTER));
    }

    @Test
    void generatedRouterCompilesUnderLintAllWithWarningsAsErrors() {
        Compilation generation = compile(List.of(Processing.LINT_ALL, "-Werror"), ShopSources.all());
        assertThat(generation).succeededWithoutWarnings();

        // Compiled again as plain source, with no processor, the router meets every lint javac has.
        JavaFileObject router = JavaFileObjects.forSourceString(ShopSources.ROUTER,
                generatedSource(generation, ShopSources.ROUTER));
        Compilation recompiled = compileWithoutProcessor(List.of("-Xlint:all", "-Werror"),
                ShopSources.ORDER_STORE, ShopSources.ORDER_HANDLERS, ShopSources.HEALTH_HANDLERS, router);
        assertThat(recompiled).succeededWithoutWarnings();
    }

    @Test
    void layeredRoutesGenerateTheGoldenChain() {
        JavaFileObject info = JavaFileObjects.forSourceString("layers.package-info", """
                @Layer(Timing.class)
                package layers;

                import dev.spur.Layer;
                """);
        JavaFileObject timing = JavaFileObjects.forSourceString("layers.Timing", """
                package layers;

                import dev.spur.runtime.Exchange;
                import dev.spur.runtime.Layer;

                public class Timing implements Layer {
                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }
                """);
        JavaFileObject auth = JavaFileObjects.forSourceString("layers.Auth", """
                package layers;

                import dev.spur.runtime.Exchange;
                import dev.spur.runtime.Layer;

                public final class Auth implements Layer {
                    private final String token;

                    public Auth(String token) {
                        this.token = token;
                    }

                    @Override
                    public void handle(Exchange exchange, Next next) {
                        if (exchange.header(io.helidon.http.HeaderNames.AUTHORIZATION).orElse("").equals(token)) {
                            next.proceed(exchange);
                        }
                    }
                }
                """);
        JavaFileObject notes = JavaFileObjects.forSourceString("layers.Notes", """
                package layers;

                import dev.spur.Layer;
                import dev.spur.Route;

                @Layer(Auth.class)
                public class Notes {
                    @Route(method = "GET", path = "/notes/{id}")
                    @Layer(Timing.class)
                    public String get(long id) {
                        return "note " + id;
                    }

                    @Route(method = "GET", path = "/notes")
                    public String list() {
                        return "notes";
                    }
                }
                """);
        Compilation compilation = compileLinted(info, timing, auth, notes);

        assertThat(compilation).succeededWithoutWarnings();
        Golden.assertMatches("layers/SpurRouter.java.txt", generatedSource(compilation, "layers.SpurRouter"));
    }

    @Test
    void goldenDiffShowsTheFirstDifferingLineWithContext() {
        String diff = Golden.firstDifference("a\nb\nc\nd\n", "a\nb\nX\nd\n");

        assertEquals("""
                first difference at line 3:
                  a
                  b
                - c
                - d
                - \n\
                + X
                + d
                + \n""", diff);
    }
}
