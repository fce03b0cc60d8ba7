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
