package dev.spur.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of the generated router against {@link PathModel}, with seeded random route
 * tables and raw paths. A failure names its seed; {@code -Dspur.seed=N} replays it, and
 * {@code -Dspur.property.tables=N} runs more (or fewer) tables.
 */
class RouterPropertyTest {

    private static final long SEED = Long.getLong("spur.seed", System.nanoTime());
    private static final int TABLES = Integer.getInteger("spur.property.tables", 30);
    private static final int ROUTES = 40;
    private static final int REQUESTS = 150;
    private static final int SHOWN = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String replay() {
        return "seed " + SEED + " (replay with -Dspur.seed=" + SEED + ")";
    }

    @Test
    void generatedRoutersAnswerExactlyAsTheModel() throws Exception {
        Random random = new Random(SEED);
        RouteTables tables = new RouteTables(random);
        int requests = 0;
        for (int t = 0; t < TABLES; t++) {
            List<RouteTables.Spec> specs = tables.table(ROUTES);
            String pkg = "property.valid" + t;
            PropertyCompiler.Outcome outcome = PropertyCompiler.compile(temp.resolve("valid" + t), pkg,
                    RouteTables.source(pkg, specs), pkg + ".Router");
            if (outcome.escaped() != null || !outcome.errors().isEmpty()) {
                fail(replay() + ": table " + t + " did not compile: " + outcome.errors() + " " + outcome.escaped()
                        + "\n" + describe(specs));
            }
            Router router = (Router) outcome.loader().loadClass(pkg + ".Router").getMethod("create").invoke(null);
            List<PathModel.Route> routes = specs.stream()
                    .map(s -> PathModel.Route.of(s.id(), s.method(), s.template())).toList();
            PathModel model = new PathModel(routes);
            List<String> failures = new ArrayList<>();
            try (SpurServer server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
                 RawHttp http = RawHttp.local(server.port())) {
                for (int i = 0; i < REQUESTS; i++, requests++) {
                    String method = tables.requestMethod();
                    String target = tables.target(routes);
                    PathModel.Answer expected = model.answer(method, target);
                    String mismatch = compare(expected, method, http.send(method, target));
                    if (mismatch != null) {
                        failures.add(method + " " + target + ": " + mismatch);
                    }
                }
            }
            if (!failures.isEmpty()) {
                fail(replay() + ": table " + t + ", " + failures.size() + " of " + REQUESTS + " requests differ from "
                        + "the model:\n  " + String.join("\n  ", failures.subList(0, Math.min(SHOWN, failures.size())))
                        + "\nroutes:\n" + describe(specs));
            }
        }
        System.out.println("RouterPropertyTest: " + TABLES + " tables, " + requests + " requests agree with the model, "
                + replay());
    }

    @Test
    void tablesWithMistakesFailWithRouteDiagnosticsNeverWithACrash() {
        Random random = new Random(SEED ^ 0x5DEECE66DL);
        RouteTables tables = new RouteTables(random);
        int mistakesTables = Math.max(1, TABLES / 3);
        for (int t = 0; t < mistakesTables; t++) {
            List<RouteTables.Spec> valid = tables.table(8);
            List<RouteTables.Spec> specs = new ArrayList<>(valid);
            Set<String> expectedIds = new LinkedHashSet<>();
            int mistakes = 1 + random.nextInt(3);
            for (int m = 0; m < mistakes; m++) {
                RouteTables.Mistake mistake = tables.mistake(specs.size() + 1, valid);
                specs.add(mistake.spec());
                expectedIds.add(mistake.id());
            }
            String pkg = "property.mistaken" + t;
            PropertyCompiler.Outcome outcome = PropertyCompiler.compile(temp.resolve("mistaken" + t), pkg,
                    RouteTables.source(pkg, specs), pkg + ".Router");
            String context = replay() + ": table " + t + " with mistakes " + expectedIds + "\n" + describe(specs)
                    + "\nerrors: " + outcome.errors() + "\n" + outcome.output();
            if (outcome.escaped() != null) {
                throw new AssertionError("an exception escaped javac; " + context, outcome.escaped());
            }
            assertTrue(outcome.loader() == null, "compiled although it has mistakes; " + context);
            Set<String> reported = new LinkedHashSet<>();
            for (String error : outcome.errors()) {
                assertTrue(error.matches("(?s)\\[Route/[A-Za-z]+] .*"), "not a [Route/...] error: " + error + "; " + context);
                String id = error.substring(1, error.indexOf(']'));
                assertTrue(!id.equals("Route/Internal"), "the processor crashed: " + error + "; " + context);
                reported.add(id);
            }
            // Reported may hold more: one mistake can also break another rule (a duplicate, say).
            assertTrue(reported.containsAll(expectedIds), "every mistake must be reported in one compile; " + context);
        }
    }

    private static String compare(PathModel.Answer expected, String method, RawHttp.Answer actual) throws IOException {
        if (actual.status() != expected.status()) {
            return "status " + actual.status() + ", model " + expected + " (body " + actual.text() + ")";
        }
        if (expected.status() == 200 && !method.equals("HEAD")) {
            JsonNode body = JSON.readTree(actual.body());
            Map<String, String> params = new TreeMap<>();
            body.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            if (body.path("route").asInt() != expected.route() || !params.equals(new TreeMap<>(expected.params()))) {
                return "route " + body + ", model " + expected;
            }
        }
        if (expected.allow() != null && !expected.allow().equals(actual.header("Allow").orElse(null))) {
            return "Allow " + actual.header("Allow").orElse(null) + ", model " + expected.allow();
        }
        if (expected.status() >= 400 && !method.equals("HEAD")
                && !"application/problem+json".equals(actual.header("Content-Type").orElse(null))) {
            return "not problem+json: " + actual.headers() + " " + actual.text();
        }
        return null;
    }

    private static String describe(List<RouteTables.Spec> specs) {
        StringBuilder text = new StringBuilder();
        for (RouteTables.Spec spec : specs) {
            text.append("  ").append(spec.id()).append(' ').append(spec.method()).append(' ').append(spec.template())
                    .append(spec.parameters().equals(RouteTables.names(spec.template())) ? "" : " params " + spec.parameters())
                    .append('\n');
        }
        return text.toString();
    }
}
