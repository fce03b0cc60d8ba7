package dev.spur.bench;

import dev.spur.tests.routesets.RouteSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the one markdown table of a {@code run.sh} run from the files it left in a results folder:
 * <ul>
 *   <li>{@code lookup.csv}, {@code breakdown.csv}: JMH CSV results (scores are per set: divided here
 *       by the set's lookup count);</li>
 *   <li>{@code e2e.txt}: {@code KIND ROUND RESULT REQUESTS DURATION_US P50_US P99_US SOCKET_ERRORS NON_2XX};</li>
 *   <li>{@code layers.csv}: JMH CSV of {@code LayerChainBenchmark}; {@code layers-e2e.txt}: as
 *       {@code e2e.txt}, with {@code plain} / {@code layered} for the kind;</li>
 *   <li>{@code bindings.csv}: JMH CSV of {@code BindingBenchmark} (in process and over HTTP, one run);</li>
 *   <li>{@code startup.txt}: {@code APP RUN MS};</li>
 *   <li>{@code build.txt}: {@code VARIANT MODE MEDIAN_MS RUNS};</li>
 *   <li>{@code meta.txt}: {@code KEY VALUE...} (settings and elapsed time).</li>
 * </ul>
 * Argument: the results folder. Missing parts are left out of the table.
 */
public final class Report {

    private static final String BENCH = "dev.spur.bench.RouterLookupBenchmark.";
    private static final String BREAKDOWN = "dev.spur.bench.SpurBreakdownBenchmark.";
    private static final List<String> SETS = List.of("github-api", "static", "parse-api");

    private final Path folder;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Report(Path folder) {
        this.folder = folder;
    }

    /** Prints the report. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
        System.out.print(new Report(folder).render());
    }

    private String render() throws IOException {
        Map<String, String> meta = readMeta();
        lookups();
        e2e();
        layers();
        bindings();
        startup();
        build();
        StringBuilder out = new StringBuilder();
        out.append("| measure | case | Spur | Helidon | floor / bare / -proc:none / no layer / HTTP binding "
                + "| Spur vs Helidon | Spur vs floor / bare / -proc:none / no layer / HTTP binding | target | met |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|---|:-:|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n').append("Machine: ").append(machine()).append('\n');
        for (Map.Entry<String, String> e : meta.entrySet()) {
            out.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- lookups

    private void lookups() throws IOException {
        Path csv = folder.resolve("lookup.csv");
        if (!Files.exists(csv)) {
            return;
        }
        Map<String, Double> score = readJmh(csv);
        Map<String, Integer> counts = new HashMap<>();
        for (String set : SETS) {
            RouteSet routes = RouteSet.read(RouteSet.defaultFolder().resolve(set + ".routes"));
            counts.put(set, LookupFixture.lookups(routes).size());
        }
        for (String set : SETS) {
            int n = counts.get(set);
            Optional<Double> spur = per(score, BENCH + "spur", set, n);
            Optional<Double> helidon = per(score, BENCH + "helidon", set, n);
            Optional<Double> floor = per(score, BENCH + "floor", set, n);
            if (spur.isEmpty()) {
                continue;
            }
            double s = spur.get();
            String target = set.equals("github-api") ? "≥20× faster than Helidon; ≤3× floor" : "—";
            String met = "";
            if (set.equals("github-api") && helidon.isPresent() && floor.isPresent()) {
                met = mark(helidon.get() / s >= 20 && s / floor.get() <= 3);
            }
            rows.add(new String[] {"lookup ns/lookup", set + " (" + n + " lookups)",
                withError(score, BENCH + "spur", set, n), withError(score, BENCH + "helidon", set, n),
                withError(score, BENCH + "floor", set, n), helidon.map(h -> times(h / s) + " faster").orElse(""),
                floor.map(f -> times(s / f) + " the floor").orElse(""), target, met});
            Optional<Double> spurB = per(score, BENCH + "spur:gc.alloc.rate.norm", set, n);
            Optional<Double> helidonB = per(score, BENCH + "helidon:gc.alloc.rate.norm", set, n);
            Optional<Double> floorB = per(score, BENCH + "floor:gc.alloc.rate.norm", set, n);
            if (spurB.isPresent()) {
                String allocTarget = set.equals("static") ? "0 B (static routes)" : "—";
                String allocMet = set.equals("static") ? mark(spurB.get() < 0.5) : "";
                rows.add(new String[] {"lookup bytes/lookup", set, bytes(spurB.get()), bytes(helidonB),
                    bytes(floorB), "", "", allocTarget, allocMet});
            }
        }
        Path breakdown = folder.resolve("breakdown.csv");
        if (Files.exists(breakdown)) {
            Map<String, Double> parts = readJmh(breakdown);
            int n = counts.get("github-api");
            List<String> text = new ArrayList<>();
            for (String part : List.of("canonical", "find", "parameters")) {
                per(parts, BREAKDOWN + part, "github-api", n).ifPresent(v -> text.add(part + " " + ns(v) + " ns"));
            }
            if (!text.isEmpty()) {
                notes.add("Spur github-api lookup, each step alone (ns/lookup): " + String.join(", ", text) + ".");
            }
        }
        notes.add("Lookup: JMH AverageTime, one op = all lookups of a set, divided here by the lookup count; "
                + "bytes = gc.alloc.rate.norm (-prof gc) divided the same way. Helidon = PathMatchers in "
                + "registration order + method predicate, per request Method.create + UriPath.create; "
                + "floor = HashMap.get(new String(requestBytes, ISO_8859_1)); ± is JMH's 99.9 % error.");
    }

    /** Score ± JMH's 99.9 % error, per lookup. */
    private static String withError(Map<String, Double> score, String name, String set, int n) {
        Optional<Double> value = per(score, name, set, n);
        if (value.isEmpty()) {
            return "";
        }
        Double error = score.get(name + "|" + set + "|error");
        return error == null || error.isNaN() ? ns(value.get()) : ns(value.get()) + " ± " + ns(error / n);
    }

    private static Optional<Double> per(Map<String, Double> score, String name, String set, int n) {
        return Optional.ofNullable(score.get(name + "|" + set)).map(v -> v / n);
    }

    private static Map<String, Double> readJmh(Path csv) throws IOException {
        Map<String, Double> score = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csvCells(line);
            if (cells.size() < 7) {
                continue;
            }
            String param = cells.size() > 7 ? cells.get(7) : "";
            score.put(cells.get(0) + "|" + param, Double.parseDouble(cells.get(4)));
            score.put(cells.get(0) + "|" + param + "|error", parseOrNaN(cells.get(5)));
        }
        return score;
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // ---------------------------------------------------------------- end to end

    private record Wrk(double rps, double p50, double p99, long socketErrors, long non2xx, long requests) {
    }

    /** The wrk results of {@code file} ({@code <candidate> <round> RESULT requests micros p50 p99 errors non2xx}) by candidate. */
    private static Map<String, List<Wrk>> wrkRuns(Path file) throws IOException {
        Map<String, List<Wrk>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 9 || !f[2].equals("RESULT")) {
                continue;
            }
            double requests = Double.parseDouble(f[3]);
            double seconds = Double.parseDouble(f[4]) / 1e6;
            runs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Wrk(requests / seconds,
                    Double.parseDouble(f[5]) / 1000, Double.parseDouble(f[6]) / 1000,
                    (long) Double.parseDouble(f[7]), (long) Double.parseDouble(f[8]), (long) requests));
        }
        return runs;
    }

    private void e2e() throws IOException {
        Path file = folder.resolve("e2e.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, List<Wrk>> runs = wrkRuns(file);
        Wrk spur = medianRound(runs.get("spur"));
        Wrk helidon = medianRound(runs.get("helidon"));
        Wrk bare = medianRound(runs.get("bare"));
        if (spur == null) {
            return;
        }
        String met = bare == null ? "" : mark(spur.rps() >= 0.95 * bare.rps());
        rows.add(new String[] {"e2e requests/s", "github-api, 130 paths", count(spur.rps()),
            helidon == null ? "" : count(helidon.rps()), bare == null ? "" : count(bare.rps()),
            helidon == null ? "" : times(spur.rps() / helidon.rps()),
            bare == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * spur.rps() / bare.rps()),
            "≥95 % of bare Helidon", met});
        rows.add(new String[] {"e2e p50 latency ms", "", ms2(spur.p50()), helidon == null ? "" : ms2(helidon.p50()),
            bare == null ? "" : ms2(bare.p50()), "", bare == null ? "" : times(spur.p50() / bare.p50()), "", ""});
        rows.add(new String[] {"e2e p99 latency ms", "", ms2(spur.p99()), helidon == null ? "" : ms2(helidon.p99()),
            bare == null ? "" : ms2(bare.p99()), "", bare == null ? "" : times(spur.p99() / bare.p99()), "", ""});
        List<String> errors = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        for (Map.Entry<String, List<Wrk>> e : runs.entrySet()) {
            Wrk w = medianRound(e.getValue());
            errors.add(String.format(Locale.ROOT, "%s %d non-2xx of %d (%.2f %%), %d socket errors", e.getKey(),
                    w.non2xx(), w.requests(), 100.0 * w.non2xx() / w.requests(), w.socketErrors()));
            rounds.add(e.getKey() + " " + e.getValue().stream().map(r -> count(r.rps())).toList());
        }
        notes.add("End to end: wrk on 127.0.0.1 against servers in separate JVMs with identical flags; median "
                + "over rounds (requests/s per round: " + String.join(", ", rounds) + "). Spur and Helidon "
                + "answer 404 to the one lookup with no route (/repos/p1/p2/milestones/), bare Helidon answers "
                + "200 to everything: " + String.join("; ", errors) + ".");
    }

    // ---------------------------------------------------------------- layers

    private static final String LAYERS = "dev.spur.bench.LayerChainBenchmark.";

    private void layers() throws IOException {
        Path csv = folder.resolve("layers.csv");
        int n = LayerChainBenchmark.LAYERS;
        if (Files.exists(csv)) {
            Map<String, Double> score = readJmh(csv);
            Optional<Double> plain = per(score, LAYERS + "plain", "", 1);
            Optional<Double> layered = per(score, LAYERS + "layered", "", 1);
            if (plain.isPresent() && layered.isPresent()) {
                double perLayer = (layered.get() - plain.get()) / n;
                rows.add(new String[] {"layers ns/op (in memory)", "GET /layer/1 (" + n + " layers) vs /plain/1",
                    withError(score, LAYERS + "layered", "", 1), "", withError(score, LAYERS + "plain", "", 1), "",
                    String.format(Locale.ROOT, "%+.1f ns per layer", perLayer), "≤15 ns per layer", mark(perLayer <= 15)});
                Optional<Double> plainB = per(score, LAYERS + "plain:gc.alloc.rate.norm", "", 1);
                Optional<Double> layeredB = per(score, LAYERS + "layered:gc.alloc.rate.norm", "", 1);
                if (plainB.isPresent() && layeredB.isPresent()) {
                    double extra = layeredB.get() - plainB.get();
                    rows.add(new String[] {"layers bytes/op (in memory)", "", bytes(layeredB.get()), "",
                        bytes(plainB.get()), "", String.format(Locale.ROOT, "%+.1f B per op", extra),
                        "no allocation per layer", mark(extra < 0.5)});
                }
                per(score, LAYERS + "exchangeOnly", "", 1).ifPresent(e -> notes.add("Layers in memory: JMH "
                        + "AverageTime, one op = build an in-memory exchange and route it; building the exchange "
                        + "alone takes " + ns(e) + " ns. Per layer = (layered - plain) / " + n + "."));
            }
        }
        Path file = folder.resolve("layers-e2e.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, List<Wrk>> runs = wrkRuns(file);
        List<Wrk> plainRuns = runs.get("plain");
        List<Wrk> layeredRuns = runs.get("layered");
        if (plainRuns == null || layeredRuns == null) {
            return;
        }
        Wrk plain = medianRound(plainRuns);
        Wrk layered = medianRound(layeredRuns);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(plainRuns.size(), layeredRuns.size()); i++) {
            ratios.add(layeredRuns.get(i).rps() / plainRuns.get(i).rps());
        }
        // Each round measures both routes back to back, under the same background load: the median
        // of the rounds' ratios is the figure that other load on the machine disturbs least.
        double paired = median(ratios);
        double ratio = layered.rps() / plain.rps();
        rows.add(new String[] {"layers e2e requests/s", "GET /layer/1 (" + n + " layers) vs /plain/1, one server",
            count(layered.rps()), "", count(plain.rps()), "",
            String.format(Locale.ROOT, "%.1f %% (median of the rounds' ratios; ratio of the medians %.1f %%)",
                    100 * paired, 100 * ratio),
            "≥97 % of no layer", mark(paired >= 0.97)});
        notes.add("Layers end to end: one Spur server, wrk alternating between /plain/1 and /layer/1 each round; "
                + "median over rounds (requests/s per round: plain " + plainRuns.stream().map(r -> count(r.rps())).toList()
                + ", layered " + layeredRuns.stream().map(r -> count(r.rps())).toList() + "; layered/plain per round "
                + ratios.stream().map(r -> String.format(Locale.ROOT, "%.1f %%", 100 * r)).toList()
                + "); p50 " + ms2(layered.p50()) + " vs " + ms2(plain.p50()) + " ms, p99 " + ms2(layered.p99())
                + " vs " + ms2(plain.p99()) + " ms; non-2xx " + (plain.non2xx() + layered.non2xx())
                + ", socket errors " + (plain.socketErrors() + layered.socketErrors()) + ".");
    }

    // ---------------------------------------------------------------- service bindings

    private static final String BINDINGS = "dev.spur.bench.BindingBenchmark.";

    private void bindings() throws IOException {
        Path csv = folder.resolve("bindings.csv");
        if (!Files.exists(csv)) {
            return;
        }
        Map<String, Double> score = readJmh(csv);
        Optional<Double> local = per(score, BINDINGS + "inProcess", "", 1);
        Optional<Double> http = per(score, BINDINGS + "overHttp", "", 1);
        if (local.isEmpty() || http.isEmpty()) {
            return;
        }
        double ratio = http.get() / local.get();
        boolean met = local.get() <= 1_000 && ratio >= 50;
        rows.add(new String[] {"binding call ns/op", "typed call, 1 path parameter, record back, 2 service layers: "
                + "in process vs loopback HTTP", withError(score, BINDINGS + "inProcess", "", 1), "",
            withError(score, BINDINGS + "overHttp", "", 1), "", times(ratio) + " cheaper in process",
            "≤1 µs and ≥50× cheaper than HTTP", mark(met)});
        Optional<Double> localB = per(score, BINDINGS + "inProcess:gc.alloc.rate.norm", "", 1);
        Optional<Double> httpB = per(score, BINDINGS + "overHttp:gc.alloc.rate.norm", "", 1);
        if (localB.isPresent() && httpB.isPresent()) {
            rows.add(new String[] {"binding call bytes/op", "", bytes(localB.get()), "", bytes(httpB.get()), "",
                times(httpB.get() / localB.get()) + " less in process", "—", ""});
        }
        notes.add("Service bindings: JMH AverageTime in one run, one op = CatalogBinding.product(id) "
                + "(GET /catalog/products/{id}), in process on a router running every service, or over HTTP from a "
                + "caller SpurServer to a second SpurServer's internal listener on 127.0.0.1 (both in the JMH fork: the "
                + "HTTP case's bytes/op are the client's and the server's together).");
    }

    /** The median of each figure over the rounds (rounds swing a lot on a shared machine). */
    private static Wrk medianRound(List<Wrk> runs) {
        if (runs == null || runs.isEmpty()) {
            return null;
        }
        return new Wrk(median(runs.stream().map(Wrk::rps).toList()),
                median(runs.stream().map(Wrk::p50).toList()),
                median(runs.stream().map(Wrk::p99).toList()),
                runs.stream().mapToLong(Wrk::socketErrors).sum(),
                runs.stream().mapToLong(Wrk::non2xx).sum(),
                runs.stream().mapToLong(Wrk::requests).sum());
    }

    // ---------------------------------------------------------------- start-up and build

    private void startup() throws IOException {
        Path file = folder.resolve("startup.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                runs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            }
        }
        List<Double> helidon = runs.get("helidon");
        startupRow(runs.get("spurhello"), helidon, "same two routes, Spur vs hand-written Helidon, median of ");
        startupRow(runs.get("spur"), helidon, "full example app (30 routes, 2 listeners, JSON) vs the two-route hand-written app, median of ");
        notes.add("Start-up: each run a fresh JVM from the same jar with the same flags, curl polling GET / "
                + "until 200; all runs (ms): " + runs + ".");
    }

    private void startupRow(List<Double> spur, List<Double> helidon, String label) {
        if (spur == null) {
            return;
        }
        double s = median(spur);
        String h = helidon == null ? "" : count(median(helidon));
        rows.add(new String[] {"start-up ms (JVM start → first 200)", label + spur.size(), count(s), h, "",
            helidon == null ? "" : times(s / median(helidon)), "", "≤ hand-written Helidon",
            helidon == null ? "" : mark(s <= median(helidon))});
    }

    private void build() throws IOException {
        Path file = folder.resolve("build.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, double[]> medians = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                medians.put(f[0] + " " + f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        }
        for (String mode : List.of("warm", "cold")) {
            double[] spur = medians.get("spur " + mode);
            double[] none = medians.get("none " + mode);
            if (spur == null || none == null) {
                continue;
            }
            rows.add(new String[] {"build ms (javac, 1,000 routes, " + mode + ")", "median of " + (int) spur[1],
                count(spur[0]), "", count(none[0]), "", "+" + count(spur[0] - none[0]) + " ms ("
                    + times(spur[0] / none[0]) + ")", "—", ""});
        }
        notes.add("Build: javac (javax.tools) on one handler source of 1,000 @Route methods, with Spur's "
                + "processor vs -proc:none; warm = in one JVM after 3 warm-up pairs, cold = each compilation in a "
                + "fresh JVM (JVM start not counted).");
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, String> readMeta() throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        Path file = folder.resolve("meta.txt");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    meta.put(line.substring(0, space), line.substring(space + 1).trim());
                }
            }
        }
        return meta;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + cpu + ", JDK "
                + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String mark(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String ns(double v) {
        return v >= 100 ? count(v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ns(Optional<Double> v) {
        return v.map(Report::ns).orElse("");
    }

    private static String bytes(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v);
    }

    private static String bytes(Optional<Double> v) {
        return v.map(Report::bytes).orElse("");
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ms2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String times(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.0f×" : "%.2f×", v);
    }
}
