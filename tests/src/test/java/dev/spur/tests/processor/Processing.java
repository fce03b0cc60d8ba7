package dev.spur.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.spur.processor.SpurProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Runs javac with Spur's processor over in-memory sources, for every compile-testing test: those of
 * this package and those of {@code @Match}/{@code @Hijack} in {@code dev.spur.tests.processor.match}.
 */
public final class Processing {

    /**
     * Every lint, {@code processing} included: the processor claims Spur's own annotations and the
     * {@code @Generated} of the router it writes, so javac never warns "No processor claimed any of
     * these annotations" for them (see {@code SpurProcessor.claims}).
     */
    public static final String LINT_ALL = "-Xlint:all";

    private Processing() {
    }

    /** A source file named after {@code qualifiedName}. */
    public static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** Compiles {@code sources} with the processor and {@code options}. */
    public static Compilation compile(List<String> options, JavaFileObject... sources) {
        return javac().withProcessors(new SpurProcessor()).withOptions(options).compile(sources);
    }

    /** Compiles {@code sources} with the processor and no option. */
    public static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles {@code sources} with the processor under {@link #LINT_ALL}. */
    public static Compilation compileLinted(JavaFileObject... sources) {
        return compile(List.of(LINT_ALL), sources);
    }

    /** Compiles {@code sources} as they are, running no processor at all, with {@code options}. */
    public static Compilation compileWithoutProcessor(List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>(options);
        all.add("-proc:none");
        return javac().withOptions(all).compile(sources);
    }

    /**
     * Compiles {@code sources} with the processor under {@link #LINT_ALL}, asserting success without
     * any warning; then compiles them again, with the generated router {@code routerName} as a plain
     * source, under {@code -Xlint:all -Werror} and no processor. Returns the router's text.
     */
    public static String assertWarningFreeRouter(String routerName, JavaFileObject... sources) {
        Compilation generation = compileLinted(sources);
        assertThat(generation).succeededWithoutWarnings();
        String router = generatedSource(generation, routerName);
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(JavaFileObjects.forSourceString(routerName, router));
        assertThat(compileWithoutProcessor(List.of("-Xlint:all", "-Werror"), all.toArray(JavaFileObject[]::new)))
                .succeededWithoutWarnings();
        return router;
    }

    /**
     * Compiles {@code sources} with the processor into {@code folder} ({@code classes/} and
     * {@code generated/}), and returns javac's errors. compile-testing hides what a failed compile
     * generated; this shows it.
     */
    public static List<javax.tools.Diagnostic<? extends JavaFileObject>> compileInto(Path folder,
                                                                                     JavaFileObject... sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
            Path classes = Files.createDirectories(folder.resolve("classes"));
            Path generated = Files.createDirectories(folder.resolve("generated"));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path")), null, List.of(sources));
            task.setProcessors(List.of(new SpurProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Kind.ERROR).toList();
    }

    /** The files under {@code folder}, relative to it, sorted. */
    public static List<String> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code compilation} failed with exactly one error, whose text contains
     * {@code message} and which points at {@code line} of {@code file}.
     */
    public static void assertOnlyError(Compilation compilation, String message, JavaFileObject file, int line) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
    }

    /** Exactly one error, {@code message} itself, at the first {@code text} on {@code line} of {@code file}. */
    public static void assertOnlyErrorAt(Compilation compilation, String message, JavaFileObject file, int line,
                                         String text) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        org.junit.jupiter.api.Assertions.assertEquals(message,
                compilation.errors().getFirst().getMessage(java.util.Locale.ROOT));
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line)
                .atColumn(column(file, line, text));
    }

    /** The 1-based column of the first {@code text} on {@code line} of {@code file}. */
    public static int column(JavaFileObject file, int line, String text) {
        String source = text(file).split("\n", -1)[line - 1];
        int at = source.indexOf(text);
        org.junit.jupiter.api.Assertions.assertTrue(at >= 0, () -> "'" + text + "' is not on line " + line + ": " + source);
        return at + 1;
    }

    /** The text of a generated source file, which must exist. */
    public static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + "; generated: "
                        + names(compilation.generatedSourceFiles())));
        return text(file);
    }

    /** The route table resource of the router {@code routerName}, if it was written. */
    public static Optional<JavaFileObject> routeTable(Compilation compilation, String routerName) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/spur/" + routerName + ".routes");
    }

    /** The text of a file object. */
    public static String text(JavaFileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of {@code files}, for failure messages. */
    public static List<String> names(List<JavaFileObject> files) {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.getName()));
        return names;
    }
}
