package dev.spur.tests.processor.match;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.SpurProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Runs javac with Spur's processor over the in-memory sources of the {@code @Match}/{@code @Hijack} tests. */
final class MatchCompiler {

    /**
     * Every lint, {@code processing} included: the processor claims Spur's own annotations and the
     * {@code @Generated} of the router it writes (see {@code SpurProcessor.claims}).
     */
    static final String LINT_ALL = "-Xlint:all";

    private MatchCompiler() {
    }

    /** A source file named after {@code qualifiedName}. */
    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** Compiles {@code sources} with the processor and no option. */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new SpurProcessor()).compile(sources);
    }

    /** Compiles {@code sources} with the processor under {@link #LINT_ALL}. */
    static Compilation compileLinted(JavaFileObject... sources) {
        return javac().withProcessors(new SpurProcessor()).withOptions(LINT_ALL).compile(sources);
    }

    /**
     * Asserts that {@code compilation} failed with exactly one error, which contains {@code message}
     * and points at {@code line} of {@code file}.
     */
    static void assertOnlyError(Compilation compilation, String message, JavaFileObject file, int line) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
    }

    /**
     * Compiles {@code sources} with the processor under {@link #LINT_ALL}, asserting success without
     * any warning; then compiles them again with the generated router {@code routerName} as a plain
     * source and no processor under {@code -Xlint:all -Werror}. Returns the router's text.
     */
    static String assertWarningFree(String routerName, JavaFileObject... sources) {
        Compilation generation = compileLinted(sources);
        assertThat(generation).succeededWithoutWarnings();
        String router = generatedSource(generation, routerName);
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(JavaFileObjects.forSourceString(routerName, router));
        Compilation plain = javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(all);
        assertThat(plain).succeededWithoutWarnings();
        return router;
    }

    /** The text of the generated source {@code qualifiedName}, which must exist. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElseThrow(() -> new AssertionError(
                "no generated source " + qualifiedName + " among " + compilation.generatedSourceFiles()));
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
