package dev.spur.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Files a {@link SpurServer} serves under a path prefix through Helidon's static-content support
 * ({@code helidon-webserver-static-content}: content types, {@code ETag}, {@code Last-Modified},
 * conditional requests and byte ranges as Helidon gives them), from a class-path location or a
 * directory: {@code SpurServer.builder(router).staticContent("/assets", StaticContent.classpath("web"))}.
 *
 * <p>What it will not serve, whatever the request: anything outside its root (the rest of the
 * path must be a {@link SafePath}, else 400), a {@code .class} file, and a hidden file or
 * directory (a segment starting with {@code .}); those are 404.
 */
public final class StaticContent {

    private final String classpathLocation;
    private final Path directory;
    private final String welcome;

    private StaticContent(String classpathLocation, Path directory, String welcome) {
        this.classpathLocation = classpathLocation;
        this.directory = directory;
        this.welcome = welcome;
    }

    /**
     * The resources under {@code location} on the class path ({@code "web"} serves
     * {@code src/main/resources/web/...}). The class path's root, or a location with a {@code ..}
     * segment, is refused: it would serve the application's own classes and configuration.
     */
    public static StaticContent classpath(String location) {
        String trimmed = Objects.requireNonNull(location, "location").replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty() || SafePath.problem(trimmed).isPresent()) {
            throw new IllegalArgumentException("A static class-path location is a package-like folder such as 'web', "
                    + "not the class path's root or a path that leaves it: '" + location + "'");
        }
        return new StaticContent(trimmed, null, null);
    }

    /** The files under directory {@code root}, which must exist. */
    public static StaticContent directory(Path root) {
        Path absolute = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Static content directory " + absolute + " is not a directory");
        }
        return new StaticContent(null, absolute, null);
    }

    /** The same content, answering a request for a directory ({@code /assets/}) with its file {@code fileName}. */
    public StaticContent welcome(String fileName) {
        SafePath name = SafePath.of(fileName);
        if (name.segments().size() != 1) {
            throw new IllegalArgumentException("A welcome file is a file name, not a path: " + fileName);
        }
        return new StaticContent(classpathLocation, directory, fileName);
    }

    /** The class-path location served, when this content comes from the class path. */
    public Optional<String> classpathLocation() {
        return Optional.ofNullable(classpathLocation);
    }

    /** The directory served, when this content comes from the file system. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The welcome file's name, when one is set. */
    public Optional<String> welcome() {
        return Optional.ofNullable(welcome);
    }
}
