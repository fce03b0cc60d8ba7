package dev.spur.tests.reliability;

import dev.spur.processor.SpurProcessor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one handler source with Spur's processor and keeps every diagnostic, so a property test
 * can look at the errors of a compilation that was meant to fail.
 */
final class PropertyCompiler {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /**
     * What javac said: its error messages, whether an exception escaped it (a processor crash
     * javac could not turn into a diagnostic), and a class loader when it succeeded.
     */
    record Outcome(List<String> errors, Throwable escaped, ClassLoader loader, String output) {
    }

    private PropertyCompiler() {
    }

    static Outcome compile(Path folder, String packageName, String source, String routerName) {
        try {
            Path file = folder.resolve("src").resolve(packageName.replace('.', '/')).resolve("Handlers.java");
            Path classes = folder.resolve("classes");
            Files.createDirectories(file.getParent());
            Files.createDirectories(classes);
            Files.writeString(file, source, StandardCharsets.UTF_8);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter output = new StringWriter();
            try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = JAVAC.getTask(output, files, diagnostics,
                        List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                                "-proc:full", "-implicit:none", "-encoding", "UTF-8",
                                "-A" + SpurProcessor.ROUTER_OPTION + "=" + routerName),
                        null, files.getJavaFileObjects(file));
                task.setProcessors(List.of(new SpurProcessor()));
                boolean ok;
                try {
                    ok = task.call();
                } catch (RuntimeException | Error escaped) {
                    return new Outcome(List.of(), escaped, null, output.toString());
                }
                List<String> errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getMessage(Locale.ROOT))
                        .toList();
                ClassLoader loader = ok
                        ? new URLClassLoader(new URL[] {classes.toUri().toURL()}, PropertyCompiler.class.getClassLoader())
                        : null;
                return new Outcome(errors, null, loader, output.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
