package dev.spur.bench.build;

import dev.spur.bench.LookupFixture;
import dev.spur.processor.SpurProcessor;
import dev.spur.tests.routesets.HandlerSource;
import dev.spur.tests.routesets.RouteSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Build cost of the processor: javac time for one synthetic handler source of 1,000 routes,
 * with Spur's processor and with {@code -proc:none}.
 *
 * <ul>
 *   <li>{@code warm}: in this JVM, alternating the two, after warm-up compilations (javac already
 *       JIT-compiled, as in a long-lived build daemon or IDE);</li>
 *   <li>{@code cold}: each compilation in a fresh JVM (as one {@code mvn compile}); JVM start is
 *       not counted, only the compilation.</li>
 * </ul>
 * Prints {@code VARIANT MODE MEDIAN_MS RUNS} lines. Arguments: {@code [warmRuns] [coldRuns]}
 * (default 5 and 3), or {@code --once spur|none} (one compilation; used for cold runs).
 */
public final class BuildTime {

    /** Number of synthetic routes. */
    public static final int ROUTES = 1000;

    private BuildTime() {
    }

    /** Runs the measurement. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--once")) {
            System.out.println("MS " + compileOnce(args[1].equals("spur")));
            return;
        }
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int i = 0; i < 3; i++) {
            compileOnce(true);
            compileOnce(false);
        }
        List<Double> spur = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            spur.add(compileOnce(true));
            none.add(compileOnce(false));
        }
        System.out.printf("spur warm %.0f %d%n", median(spur), warmRuns);
        System.out.printf("none warm %.0f %d%n", median(none), warmRuns);
        List<Double> coldSpur = new ArrayList<>();
        List<Double> coldNone = new ArrayList<>();
        for (int i = 0; i < coldRuns; i++) {
            coldSpur.add(cold("spur"));
            coldNone.add(cold("none"));
        }
        if (coldRuns > 0) {
            System.out.printf("spur cold %.0f %d%n", median(coldSpur), coldRuns);
            System.out.printf("none cold %.0f %d%n", median(coldNone), coldRuns);
        }
    }

    /** The synthetic route set: 100 resources of 10 routes each. */
    public static RouteSet syntheticRoutes() {
        List<RouteSet.Route> routes = new ArrayList<>();
        String[][] shapes = {
            {"GET", ""}, {"POST", ""}, {"GET", "/{id}"}, {"PUT", "/{id}"}, {"DELETE", "/{id}"},
            {"GET", "/{id}/items"}, {"POST", "/{id}/items"}, {"GET", "/{id}/items/{item}"},
            {"DELETE", "/{id}/items/{item}"}, {"GET", "/search"},
        };
        for (int r = 0; routes.size() < ROUTES; r++) {
            for (String[] shape : shapes) {
                routes.add(new RouteSet.Route(routes.size() + 1, shape[0], "/api/res" + r + shape[1]));
            }
        }
        return new RouteSet("synthetic-1000", Path.of("."), routes);
    }

    /** One compilation of the synthetic source in this JVM; milliseconds. */
    static double compileOnce(boolean withProcessor) throws IOException {
        Path folder = Files.createTempDirectory("spur-buildtime-");
        try {
            Path source = folder.resolve("src/synthetic/Handlers.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, HandlerSource.generate(syntheticRoutes(), "synthetic", "Handlers"),
                    StandardCharsets.UTF_8);
            Path classes = Files.createDirectories(folder.resolve("classes"));
            Path generated = Files.createDirectories(folder.resolve("generated"));
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(),
                    "-s", generated.toString(),
                    "-classpath", System.getProperty("java.class.path"),
                    "-encoding", "UTF-8", "--release", "21"));
            if (withProcessor) {
                options.addAll(List.of("-proc:full", "-Aspur.router=synthetic.Router"));
            } else {
                options.add("-proc:none");
            }
            long start = System.nanoTime();
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(List.of(source));
                JavaCompiler.CompilationTask task = javac.getTask(messages, files, null, options, null, units);
                if (withProcessor) {
                    task.setProcessors(List.of(new SpurProcessor()));
                }
                if (!task.call()) {
                    throw new IllegalStateException("compilation failed:\n" + messages);
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (withProcessor && !Files.exists(classes.resolve("synthetic/Router.class"))) {
                throw new IllegalStateException("the processor generated no router");
            }
            return ms;
        } finally {
            LookupFixture.deleteTree(folder);
        }
    }

    private static double cold(String variant) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BuildTime.class.getName(), "--once", variant)
                .redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("MS ")) {
                    result = line.substring(3);
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("cold compilation failed:\n" + all);
        }
        return Double.parseDouble(result);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
