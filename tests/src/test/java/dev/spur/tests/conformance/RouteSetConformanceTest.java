package dev.spur.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.routesets.HandlerSource;
import dev.spur.tests.routesets.RouteSet;
import dev.spur.tests.support.InProcessCompiler;
import dev.spur.tests.support.RawHttp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route-set conformance: for every set in the folder named by {@code spur.routesets}, compiles a
 * handler per route with the processor, serves it on a loopback port, sends every request of
 * {@code NAME.expected.jsonl} with its raw path exactly as written and compares status, route,
 * parameters and {@code Allow}.
 */
class RouteSetConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_FAILURES = 40;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyRouteSetAnswersAsExpected() {
        Path folder = RouteSet.defaultFolder();
        List<RouteSet> sets = RouteSet.discover(folder).stream()
                .filter(set -> Files.exists(set.expectedFile()))
                .toList();
        assertFalse(sets.isEmpty(), "no route set with expected answers in " + folder.toAbsolutePath());
        return sets.stream().map(set -> dynamicTest(set.name(), () -> check(set)));
    }

    private void check(RouteSet set) throws Exception {
        String pkg = "conformance.set" + set.javaName().toLowerCase(java.util.Locale.ROOT);
        String source = HandlerSource.generate(set, pkg, "Handlers");
        ClassLoader loader = InProcessCompiler.compile(temp.resolve(set.name()),
                Map.of(pkg.replace('.', '/') + "/Handlers.java", source), pkg + ".Router");
        Router router = (Router) loader.loadClass(pkg + ".Router").getMethod("create").invoke(null);
        List<String> lines = Files.readAllLines(set.expectedFile(), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        List<String> failures = new ArrayList<>();
        try (SpurServer server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
             RawHttp http = RawHttp.local(server.port())) {
            for (String line : lines) {
                JsonNode expected = JSON.readTree(line);
                String method = expected.get("method").asText();
                String path = expected.get("path").asText();
                RawHttp.Answer answer = http.send(method, path);
                String mismatch = compare(expected, method, answer);
                if (mismatch != null) {
                    failures.add(method + " " + path + ": " + mismatch);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> set.name() + ": " + failures.size() + " of " + lines.size()
                + " requests answered wrongly:\n  " + String.join("\n  ",
                failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
    }

    private static String compare(JsonNode expected, String method, RawHttp.Answer answer) throws Exception {
        int status = expected.get("status").asInt();
        if (answer.status() != status) {
            return "status " + answer.status() + ", expected " + status + " (body: " + answer.text() + ")";
        }
        if (expected.has("route") && !method.equals("HEAD")) {
            JsonNode body = JSON.readTree(answer.text());
            if (body.get("route").asInt() != expected.get("route").asInt()) {
                return "route " + body.get("route") + ", expected " + expected.get("route");
            }
            Map<String, String> params = new TreeMap<>();
            body.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            Map<String, String> wanted = new TreeMap<>();
            expected.get("params").fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
            if (!params.equals(wanted)) {
                return "params " + params + ", expected " + wanted;
            }
        }
        if (expected.has("allow")) {
            List<String> wanted = new ArrayList<>();
            expected.get("allow").forEach(m -> wanted.add(m.asText()));
            List<String> allow = answer.header("Allow")
                    .map(a -> Arrays.stream(a.split(",")).map(String::trim).sorted().toList())
                    .orElse(List.of());
            if (!allow.equals(wanted)) {
                return "Allow " + allow + ", expected " + wanted;
            }
        }
        return null;
    }
}
