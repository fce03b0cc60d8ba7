package dev.spur.tests.ecosystem;

import dev.spur.Route;
import dev.spur.processor.SpurProcessor;
import dev.spur.runtime.SpurServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Maven local repository that holds this build's Spur artifacts, laid out as {@code mvn install}
 * would lay them out: the parent and BOM POMs from the source tree, and the annotations, processor
 * and runtime jars this test run uses (jars after {@code package}; folders of classes, jarred here,
 * in an IDE), each with its module's POM.
 */
final class ReactorRepository {

    private record Module(String folder, String artifactId, Class<?> member) { }

    private static final List<Module> MODULES = List.of(
            new Module("annotations", "spur-annotations", Route.class),
            new Module("processor", "spur-processor", SpurProcessor.class),
            new Module("runtime", "spur-runtime", SpurServer.class));

    private ReactorRepository() {
    }

    /** Lays out the artifacts under {@code repository} and returns it. */
    static Path create(Path repository) throws IOException {
        Path root = ProjectFiles.root();
        String version = ProjectFiles.version();
        install(repository, "spur-parent", version, "pom", root.resolve("pom.xml"));
        install(repository, "spur-bom", version, "pom", root.resolve("bom/pom.xml"));
        for (Module module : MODULES) {
            install(repository, module.artifactId(), version, "pom", root.resolve(module.folder()).resolve("pom.xml"));
            Path classes = codeSource(module.member());
            Path jar = artifact(repository, module.artifactId(), version, "jar");
            if (Files.isDirectory(classes)) {
                jar(classes, jar);
            } else {
                Files.copy(classes, jar);
            }
        }
        return repository;
    }

    private static void install(Path repository, String artifactId, String version, String extension, Path file)
            throws IOException {
        Files.copy(file, artifact(repository, artifactId, version, extension));
    }

    private static Path artifact(Path repository, String artifactId, String version, String extension)
            throws IOException {
        Path folder = repository.resolve("dev/spur").resolve(artifactId).resolve(version);
        Files.createDirectories(folder);
        return folder.resolve(artifactId + "-" + version + "." + extension);
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
