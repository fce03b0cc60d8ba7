package dev.spur.tests.routesets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: writes a handler class for every route set of a folder, for builds (such as the
 * benchmarks) that compile route sets with the processor ahead of time.
 *
 * <p>Arguments: the route-set folder, the output source folder, the Java package.
 */
public final class GenerateHandlers {

    private GenerateHandlers() {
    }

    /** Runs the generator. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: GenerateHandlers <routeset-folder> <output-folder> <package>");
            System.exit(2);
        }
        Path output = Path.of(args[1]).resolve(args[2].replace('.', '/'));
        Files.createDirectories(output);
        for (RouteSet set : RouteSet.discover(Path.of(args[0]))) {
            String className = set.javaName() + "Handlers";
            Files.writeString(output.resolve(className + ".java"),
                    HandlerSource.generate(set, args[2], className), StandardCharsets.UTF_8);
        }
    }
}
