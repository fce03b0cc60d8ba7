package dev.spur.tests.routesets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A route set from a folder such as {@code ../shared/routesets}: {@code NAME.routes} (one
 * {@code METHOD /template} a line; a route's id is its 1-based number among non-empty lines not
 * starting with {@code #}), with optional {@code NAME.expected.jsonl} and {@code NAME.lookups}.
 *
 * @param name   the set's name
 * @param folder the folder it was read from
 * @param routes the routes, in id order
 */
public record RouteSet(String name, Path folder, List<Route> routes) {

    /** The system property naming the route-set folder. */
    public static final String FOLDER_PROPERTY = "spur.routesets";

    /** Copies the routes. */
    public RouteSet {
        routes = List.copyOf(routes);
    }

    /** One route of a set. */
    public record Route(int id, String method, String template) {
    }

    /** One request line of a {@code .lookups} file. */
    public record Lookup(String method, String path) {
    }

    /** The folder named by {@value #FOLDER_PROPERTY}, or {@code ../shared/routesets}. */
    public static Path defaultFolder() {
        String property = System.getProperty(FOLDER_PROPERTY);
        return Path.of(property != null && !property.isBlank() ? property : "../shared/routesets");
    }

    /** Every set in {@code folder}, sorted by name. */
    public static List<RouteSet> discover(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".routes"))
                    .sorted()
                    .map(RouteSet::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list route sets in " + folder.toAbsolutePath(), e);
        }
    }

    /** Reads one {@code NAME.routes} file. */
    public static RouteSet read(Path routesFile) {
        String file = routesFile.getFileName().toString();
        String name = file.substring(0, file.length() - ".routes".length());
        List<Route> routes = new ArrayList<>();
        for (String line : lines(routesFile)) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(routesFile + ": not 'METHOD /template': " + line);
            }
            routes.add(new Route(routes.size() + 1, parts[0], parts[1].trim()));
        }
        return new RouteSet(name, routesFile.getParent(), routes);
    }

    /** The request lines of {@code NAME.lookups}, or an empty list when the set has none. */
    public List<Lookup> lookups() {
        Path file = folder.resolve(name + ".lookups");
        if (!Files.exists(file)) {
            return List.of();
        }
        return lines(file).stream().map(line -> {
            String[] parts = line.split("\\s+", 2);
            return new Lookup(parts[0], parts[1].trim());
        }).toList();
    }

    /** The {@code NAME.expected.jsonl} file (which may not exist). */
    public Path expectedFile() {
        return folder.resolve(name + ".expected.jsonl");
    }

    /** A Java identifier for this set, e.g. {@code GithubApi} for {@code github-api}. */
    public String javaName() {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, "Set");
        }
        return out.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
