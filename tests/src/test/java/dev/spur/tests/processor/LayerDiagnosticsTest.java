package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spur.tests.processor.Processing.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.Diagnostic;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every misuse of {@code @Layer} is a compile error with a stable ID, pointing at the annotation
 * value (file, line, and the column javac gives a class literal: its dot) that is wrong; a layer that
 * needs wiring is a builder setter.
 */
class LayerDiagnosticsTest {

    private static final JavaFileObject GOOD = JavaFileObjects.forSourceString("app.Good", """
            package app;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.Layer;

            public class Good implements Layer {
                @Override
                public void handle(Exchange exchange, Next next) {
                    next.proceed(exchange);
                }
            }
            """);

    private static JavaFileObject handler(String classAnnotation, String methodAnnotation) {
        return JavaFileObjects.forSourceString("app.Api", """
                package app;

                import dev.spur.Layer;
                import dev.spur.Route;

                %s
                public class Api {
                    @Route(path = "/a")
                    %s
                    public String a() {
                        return "a";
                    }

                    static class Hidden implements dev.spur.runtime.Layer {
                        public void handle(dev.spur.runtime.Exchange exchange, Next next) {
                            next.proceed(exchange);
                        }
                    }

                    public class Inner implements dev.spur.runtime.Layer {
                        public void handle(dev.spur.runtime.Exchange exchange, Next next) {
                            next.proceed(exchange);
                        }
                    }
                }
                """.formatted(classAnnotation, methodAnnotation));
    }

    private static void assertErrorAt(Compilation compilation, String message, JavaFileObject file, int line,
                                      int column) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
    }

    @Test
    void aClassThatIsNoLayerIsAnErrorAtItsValue() {
        JavaFileObject api = handler("@Layer({Good.class, String.class})", "");
        assertErrorAt(compile(api, GOOD), Diagnostic.LAYER_NOT_A_LAYER.format("java.lang.String"), api, 6, 27);
    }

    @Test
    void aLayerListedTwiceAtOneLevelIsAnErrorAtTheSecond() {
        JavaFileObject api = handler("", "@Layer({Good.class, Good.class})");
        assertErrorAt(compile(api, GOOD), Diagnostic.LAYER_DUPLICATE.format("app.Good"), api, 9, 29);
    }

    @Test
    void theSameLayerAtTwoLevelsIsAllowed() {
        JavaFileObject api = handler("@Layer(Good.class)", "@Layer(Good.class)");
        assertThat(compile(List.of("-Xlint:all"), api, GOOD)).succeededWithoutWarnings();
    }

    @Test
    void aLayerTheRouterCannotReachIsAnError() {
        JavaFileObject inner = handler("@Layer(Api.Inner.class)", "");
        assertErrorAt(compile(inner, GOOD), Diagnostic.LAYER_NOT_INSTANTIABLE.format("app.Api.Inner",
                "Inner is an inner class; make it static"), inner, 6, 17);
    }

    @Test
    void aLayerInAnotherPackageThatIsNotPublicIsAnError() {
        JavaFileObject hidden = JavaFileObjects.forSourceString("other.Api", """
                package other;

                import dev.spur.Layer;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/b")
                    @Layer(Api.Hidden.class)
                    public String b() {
                        return "b";
                    }

                    static class Hidden implements dev.spur.runtime.Layer {
                        public void handle(dev.spur.runtime.Exchange exchange, Next next) {
                            next.proceed(exchange);
                        }
                    }
                }
                """);
        Compilation compilation = compile(List.of("-Aspur.router=app.SpurRouter"), hidden);
        assertErrorAt(compilation, Diagnostic.LAYER_NOT_INSTANTIABLE.format("other.Api.Hidden",
                "Hidden is not public and the router is generated in package 'app'; make it public"), hidden, 8, 22);
    }

    @Test
    void layerOnAMethodWithoutRouteIsAnError() {
        JavaFileObject api = JavaFileObjects.forSourceString("app.Api", """
                package app;

                import dev.spur.Layer;
                import dev.spur.Route;

                public class Api {
                    @Route(path = "/a")
                    public String a() {
                        return "a";
                    }

                    @Layer(Good.class)
                    public String helper() {
                        return "h";
                    }
                }
                """);
        assertErrorAt(compile(api, GOOD), Diagnostic.LAYER_WITHOUT_ROUTE.format("Api.helper()"), api, 12, 5);
    }

    @Test
    void applicationLayersOnAnotherPackageThanTheRoutersAreAnError() {
        JavaFileObject info = JavaFileObjects.forSourceString("other.package-info", """
                @Layer(app.Good.class)
                package other;

                import dev.spur.Layer;
                """);
        JavaFileObject other = JavaFileObjects.forSourceString("other.Api", """
                package other;

                import dev.spur.Route;

                public class Api {
                    @Route(path = "/o")
                    public String o() {
                        return "o";
                    }
                }
                """);
        Compilation compilation = compile(List.of("-Aspur.router=app.SpurRouter"), info, other, GOOD);
        assertErrorAt(compilation, Diagnostic.LAYER_NOT_ROUTER_PACKAGE.format("other", "app.SpurRouter"), info, 1, 1);
    }

    @Test
    void aLayerWithoutANoArgumentConstructorIsARequiredBuilderSetter() {
        JavaFileObject wired = JavaFileObjects.forSourceString("app.Wired", """
                package app;

                import dev.spur.runtime.Exchange;
                import dev.spur.runtime.Layer;

                public final class Wired implements Layer {
                    private final String name;

                    public Wired(String name) {
                        this.name = name;
                    }

                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }
                """);
        JavaFileObject api = handler("@Layer(Wired.class)", "");
        Compilation compilation = compile(List.of("-Xlint:all"), api, wired);
        assertThat(compilation).succeededWithoutWarnings();
        String router = Processing.generatedSource(compilation, "app.SpurRouter");
        org.junit.jupiter.api.Assertions.assertTrue(router.contains("public Builder wired(Wired wired)"), router);
        org.junit.jupiter.api.Assertions.assertTrue(router.contains(
                "Objects.requireNonNull(builder.wired, \"SpurRouter needs an instance of Wired: call builder().wired(...)\")"),
                router);
        org.junit.jupiter.api.Assertions.assertFalse(router.contains("public static SpurRouter create()"), router);
    }
}
