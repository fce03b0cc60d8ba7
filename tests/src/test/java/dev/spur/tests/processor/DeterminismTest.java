package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compileLinted;
import static dev.spur.tests.processor.Processing.generatedSource;
import static dev.spur.tests.processor.Processing.routeTable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The same handlers always give byte-identical generated files (DESIGN "Generated code"). */
class DeterminismTest {

    @Test
    void sameInputCompiledTwiceGivesIdenticalRouterAndRouteTable() throws IOException {
        Compilation first = compileLinted(ShopSources.all());
        Compilation second = compileLinted(ShopSources.all());

        assertThat(first).succeededWithoutWarnings();
        assertThat(second).succeededWithoutWarnings();
        assertArrayEquals(routerBytes(first), routerBytes(second), "generated router differs between compiles");
        assertArrayEquals(routeTableBytes(first), routeTableBytes(second), "route table differs between compiles");
    }

    @Test
    void orderOfTheSourceFilesDoesNotChangeTheOutput() throws IOException {
        Compilation forward = compileLinted(ShopSources.ORDER_STORE, ShopSources.ORDER_HANDLERS,
                ShopSources.HEALTH_HANDLERS);
        Compilation backward = compileLinted(ShopSources.HEALTH_HANDLERS, ShopSources.ORDER_HANDLERS,
                ShopSources.ORDER_STORE);

        assertThat(forward).succeededWithoutWarnings();
        assertThat(backward).succeededWithoutWarnings();
        assertEquals(generatedSource(forward, ShopSources.ROUTER), generatedSource(backward, ShopSources.ROUTER));
        assertArrayEquals(routeTableBytes(forward), routeTableBytes(backward));
    }

    private static byte[] routerBytes(Compilation compilation) throws IOException {
        return bytes(compilation.generatedSourceFile(ShopSources.ROUTER)
                .orElseThrow(() -> new AssertionError("no router generated")));
    }

    private static byte[] routeTableBytes(Compilation compilation) throws IOException {
        return bytes(routeTable(compilation, ShopSources.ROUTER)
                .orElseThrow(() -> new AssertionError("no route table written")));
    }

    private static byte[] bytes(JavaFileObject file) throws IOException {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        }
    }
}
