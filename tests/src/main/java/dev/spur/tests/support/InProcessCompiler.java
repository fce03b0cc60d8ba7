package dev.spur.tests.support;

import dev.spur.processor.SpurProcessor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with Spur's processor into a folder and loads the result, for tests that
 * must run what the processor generated (route-set conformance, property tests).
 */
public final class InProcessCompiler {

    private InProcessCompiler() {
    }

    /**
     * Compiles {@code sources} (relative path to text) with {@code -Aspur.router=routerName} into
     * {@code folder}; returns a class loader over the output. Fails with javac's messages on error.
     */
    public static ClassLoader compile(Path folder, Map<String, String> sources, String routerName) {
        try {
            Path src = folder.resolve("src");
            Path classes = folder.resolve("classes");
            Files.createDirectories(classes);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
                List<String> options = List.of("-d", classes.toString(),
                        "-classpath", System.getProperty("java.class.path"),
                        "-s", folder.resolve("generated").toString(),
                        "-Aspur.router=" + routerName, "-encoding", "UTF-8", "-proc:full");
                Files.createDirectories(folder.resolve("generated"));
                JavaCompiler.CompilationTask task = javac.getTask(messages, fileManager, null, options, null, units);
                task.setProcessors(List.of(new SpurProcessor()));
                if (!task.call()) {
                    throw new AssertionError("compilation failed:\n" + messages);
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InProcessCompiler.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
