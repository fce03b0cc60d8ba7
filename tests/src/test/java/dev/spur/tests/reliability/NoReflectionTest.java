package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.internal.Dispatcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No reflection in the request path: neither the router the processor generates nor Spur's
 * runtime classes name a reflective API (JSON body binding, which is Jackson's, aside).
 */
class NoReflectionTest {

    /**
     * Reflective API names, as they appear in Java source and in a class file's constant pool;
     * {@code Class.forName} shows in a class file as its descriptor (a {@code Charset.forName} is fine).
     */
    private static final List<String> REFLECTIVE = List.of("java.lang.reflect", "java/lang/reflect", "Class.forName",
            "(Ljava/lang/String;)Ljava/lang/Class;", "getDeclaredMethod", "getDeclaredField", "getDeclaredConstructor",
            "getMethod", "getField(", "newInstance", "setAccessible", "ServiceLoader");

    @Test
    void generatedRouterUsesNoReflection() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ReliabilityApp.generatedSources())) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no generated source found");
        for (Path source : sources) {
            assertNoReflection(source.toString(), Files.readString(source, StandardCharsets.UTF_8));
        }
    }

    @Test
    void runtimeClassesUseNoReflection() throws IOException, URISyntaxException {
        Path location = Path.of(Dispatcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> checked = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    assertNoReflection(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                    checked.add(file.toString());
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        assertNoReflection(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                    checked.add(entry.getName());
                }
            }
        }
        assertTrue(checked.stream().anyMatch(c -> c.contains("Dispatcher")), "Spur's runtime classes were not found");
    }

    private static void assertNoReflection(String where, String text) {
        for (String api : REFLECTIVE) {
            assertFalse(text.contains(api), where + " uses " + api);
        }
    }
}
