package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.spur.processor.SpurProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs javac with Spur's processor over in-memory sources, for the compile-testing tests. */
final class Processing {

    /** Every lint javac knows, as the success tests demand that the generated code raise none. */
    static final String LINT_ALL = "-Xlint:all";

    private Processing() {
    }

    /** Compiles {@code sources} with the processor and {@code options}. */
    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return javac().withProcessors(new SpurProcessor()).withOptions(options).compile(sources);
    }

    /** Compiles {@code sources} with the processor and no option. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles {@code sources} with the processor under {@code -Xlint:all}. */
    static Compilation compileLinted(JavaFileObject... sources) {
        return compile(List.of(LINT_ALL), sources);
    }

    /**
     * Asserts that {@code compilation} failed with exactly one error, whose text contains the full
     * {@code message} and which points at {@code line} of {@code file}.
     */
    static void assertOnlyError(Compilation compilation, String message, JavaFileObject file, int line) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
    }

    /** The text of a generated source file, which must exist. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + "; generated: "
                        + names(compilation.generatedSourceFiles())));
        return text(file);
    }

    /** The route table resource of the router {@code routerName}, if it was written. */
    static Optional<JavaFileObject> routeTable(Compilation compilation, String routerName) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/spur/" + routerName + ".routes");
    }

    /** The text of a file object. */
    static String text(JavaFileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of {@code files}, for failure messages. */
    static List<String> names(List<JavaFileObject> files) {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.getName()));
        return names;
    }
}
