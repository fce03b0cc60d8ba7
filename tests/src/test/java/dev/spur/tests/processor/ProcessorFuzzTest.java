package dev.spur.tests.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz test of the processor: random (mostly plausible, sometimes deliberately wrong)
 * handler sources must either compile without any warning into a deterministic router, or fail
 * with errors that each carry a stable ID and a position in a handler source. Never a crash, never
 * {@code [Route/Internal]}, never an error in generated code.
 *
 * <p>A case an exploring run fails on becomes an explicit test of its own (the generator changes,
 * and with it what a seed draws): {@code ObscuredNamesTest} holds those found so far.
 *
 * <p>{@code -Dspur.seed=N} replays a run and {@code -Dspur.seed=random} explores; {@code -Dspur.fuzz.sources=N} sets the number of cases.
 */
class ProcessorFuzzTest {

    private static final Pattern STABLE_ID = Pattern.compile("^\\[(Route|Match|Hijack|Layer|Service|Binding)/[A-Za-z]+\\] .*",
            Pattern.DOTALL);

    private static final String[] PACKAGES = {"app", "app", "app.web", "app.web.v2", "com.example.api", "ünï.code", "o"};
    private static final String[] CLASS_NAMES = {"h", "Override", "Handler", "Orders", "Ünïcode", "$X", "Record",
        "Module", "Deprecated", "Users", "_u", "app", "com", "o"};
    private static final String[] METHODS = {"GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PURGE"};
    private static final String[] LITERALS = {"users", "a", "ünïcödé", "日本", "café", "v1", "a-b_c.d", "~x", "%20",
        "100%", "x%zz", "items", "a".repeat(300), "seg".repeat(40), "A", "0"};
    private static final String[] PARAM_NAMES = {"id", "name", "n", "userId", "ünï", "$p"};
    private static final String[] PATH_TYPES = {"int", "long", "String", "UUID", "Color", "boolean"};
    private static final String[] QUERY_TYPES = {"String", "int", "long", "boolean", "Optional<String>", "UUID",
        "Color"};
    private static final String[] RETURNS = {"String", "void", "Item", "Optional<String>", "List<Item>", "byte[]"};
    private static final String[] HOSTS = {"api.example.com", "*.example.com", "localhost", "bad host!", ""};
    private static final String[] HEADER_CONDITIONS = {"X-Debug", "X-Api-Version=2", "Accept-Language=ünï",
        "bad header"};
    private static final String[] QUERY_CONDITIONS = {"debug", "format=json", "q=ünï%", "=x"};

    @Test
    void randomHandlersCompileCleanlyOrFailWithStableDiagnostics() {
        // A fixed default keeps the build reproducible; -Dspur.seed=random explores new cases.
        String seedProperty = System.getProperty("spur.seed", "20261201");
        long seed = seedProperty.equals("random") ? new Random().nextLong() : Long.parseLong(seedProperty);
        int cases = Integer.getInteger("spur.fuzz.sources", 24);
        int successes = 0;
        // Consecutive seeds give correlated first draws, so each case's seed comes from one master Random.
        Random master = new Random(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = master.nextLong();
            List<JavaFileObject> sources = new Generator(new Random(caseSeed)).sources();
            String where = "-Dspur.seed=" + seed + " case " + i + " (case seed " + caseSeed + ")";
            if (check(where, sources)) {
                successes++;
            }
        }
        System.out.println("ProcessorFuzzTest: seed " + seed + ", " + cases + " cases, " + successes + " successes");
    }

    /** Checks one case; true when it compiled. */
    private static boolean check(String where, List<JavaFileObject> sources) {
        Compilation compilation = compile(where, sources);
        Set<String> inputs = new HashSet<>();
        sources.forEach(s -> inputs.add(s.toUri().toString()));
        if (compilation.status() == Compilation.Status.SUCCESS) {
            if (!compilation.warnings().isEmpty()) {
                fail(where, sources, compilation, "succeeded with warnings");
            }
            byte[] router = routerBytes(where, sources, compilation);
            byte[] again = routerBytes(where, sources, compile(where, sources));
            if (!Arrays.equals(router, again)) {
                fail(where, sources, compilation, "router differs when compiled again");
            }
            List<JavaFileObject> reversed = new ArrayList<>(sources);
            java.util.Collections.reverse(reversed);
            byte[] backward = routerBytes(where, sources, compile(where, reversed));
            if (!Arrays.equals(router, backward)) {
                fail(where, sources, compilation, "router differs when the sources are compiled in reverse order");
            }
            return true;
        }
        if (compilation.errors().isEmpty()) {
            fail(where, sources, compilation, "failed without an error");
        }
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            String message = error.getMessage(Locale.ROOT);
            if (!STABLE_ID.matcher(message).matches()) {
                fail(where, sources, compilation, "error without a stable ID: " + message);
            }
            if (message.startsWith("[Route/Internal]")) {
                fail(where, sources, compilation, "internal error: " + message);
            }
            if (error.getSource() == null || !inputs.contains(error.getSource().toUri().toString())) {
                fail(where, sources, compilation, "error not in a handler source: " + message);
            }
            if (error.getLineNumber() <= 0) {
                fail(where, sources, compilation, "error without a line: " + message);
            }
        }
        if (Boolean.getBoolean("spur.fuzz.verbose")) {
            System.out.println(where + " failed: " + compilation.errors().getFirst().getMessage(Locale.ROOT));
        }
        return false;
    }

    private static Compilation compile(String where, List<JavaFileObject> sources) {
        try {
            return Processing.compileLinted(sources.toArray(JavaFileObject[]::new));
        } catch (RuntimeException | Error e) {
            throw new AssertionError(where + ": the compiler threw\n" + dump(sources), e);
        }
    }

    private static byte[] routerBytes(String where, List<JavaFileObject> sources, Compilation compilation) {
        List<JavaFileObject> routers = compilation.generatedSourceFiles().stream()
                .filter(f -> f.getName().endsWith("/SpurRouter.java")).toList();
        if (routers.size() != 1) {
            fail(where, sources, compilation, "expected one generated router, got "
                    + Processing.names(compilation.generatedSourceFiles()));
        }
        try (InputStream in = routers.getFirst().openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String where, List<JavaFileObject> sources, Compilation compilation, String problem) {
        StringBuilder text = new StringBuilder(where).append(": ").append(problem).append("\n-- diagnostics:\n");
        compilation.diagnostics().forEach(d -> text.append(d.getKind()).append(' ')
                .append(d.getSource() == null ? "-" : d.getSource().getName()).append(':').append(d.getLineNumber())
                .append(' ').append(d.getMessage(Locale.ROOT)).append('\n'));
        text.append(dump(sources));
        org.junit.jupiter.api.Assertions.fail(text.toString());
    }

    private static String dump(List<JavaFileObject> sources) {
        StringBuilder text = new StringBuilder();
        for (JavaFileObject source : sources) {
            text.append("-- ").append(source.getName()).append('\n').append(Processing.text(source));
        }
        return text.toString();
    }

    /** Generates the handler sources of one case. */
    /** Layer classes for the cases: usable ones, one that needs wiring, and misused ones. */
    private static final String LAYERS = """
            package fuzz.layers;

            import dev.spur.runtime.Exchange;
            import dev.spur.runtime.Layer;

            public final class Layers {
                private Layers() {
                }

                public static final class Pass implements Layer {
                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }

                public static final class Wired implements Layer {
                    private final String name;

                    public Wired(String name) {
                        this.name = name;
                    }

                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }

                public abstract static class Base implements Layer {
                }

                public static final class NotALayer {
                }

                public final class Inner implements Layer {
                    @Override
                    public void handle(Exchange exchange, Next next) {
                        next.proceed(exchange);
                    }
                }
            }
            """;

    private static final class Generator {

        private final Random random;
        private final List<String> routes = new ArrayList<>();
        private final Set<String> shapes = new HashSet<>();
        /** Whether this case avoids the deliberate mistakes, so that it usually compiles. */
        private final boolean valid;
        /** Whether a handler declared a layer, so the layer classes are part of the case. */
        private boolean layered;
        /** The service names declared so far in this case. */
        private final List<String> services = new ArrayList<>();

        Generator(Random random) {
            this.random = random;
            this.valid = random.nextBoolean();
        }

        List<JavaFileObject> sources() {
            int files = 1 + random.nextInt(3);
            Map<String, String> byName = new LinkedHashMap<>();
            while (byName.size() < files) {
                String pkg = pick(PACKAGES);
                String name = pkg + "." + pick(CLASS_NAMES);
                if (!byName.containsKey(name)) {
                    byName.put(name, handler(pkg, name.substring(pkg.length() + 1)));
                }
            }
            List<JavaFileObject> sources = new ArrayList<>();
            byName.forEach((name, text) -> sources.add(JavaFileObjects.forSourceString(name, text)));
            if (layered) {
                sources.add(JavaFileObjects.forSourceString("fuzz.layers.Layers", LAYERS));
            }
            return sources;
        }

        private String handler(String pkg, String simpleName) {
            StringBuilder s = new StringBuilder();
            s.append("package ").append(pkg).append(";\n\n");
            s.append("import dev.spur.Body;\nimport dev.spur.Header;\nimport dev.spur.Match;\n");
            s.append("import dev.spur.Query;\nimport dev.spur.Route;\n");
            s.append("import java.util.List;\nimport java.util.Optional;\nimport java.util.UUID;\n\n");
            String prefix = "";
            if (chance(20)) {
                prefix = "/" + pick(LITERALS);
                s.append("@Route(path = \"").append(prefix).append("\")\n");
            }
            if (chance(20)) {
                s.append(layerAnnotation());
            }
            if (chance(30)) {
                s.append(serviceAnnotation());
            }
            s.append("public class ").append(simpleName).append(" {\n\n");
            s.append("    public enum Color { RED, GREEN }\n\n");
            s.append("    public record Item(String name, int quantity) {\n    }\n\n");
            int methods = 1 + random.nextInt(6);
            for (int m = 0; m < methods; m++) {
                method(s, prefix, m);
            }
            s.append("}\n");
            return s.toString();
        }

        /**
         * {@code @dev.spur.Service(...)}: a fresh name per class, public or private, a host for some
         * public ones; in an invalid case sometimes a bad or taken name, or a private service with a host.
         */
        private String serviceAnnotation() {
            String name = "svc-" + services.size();
            if (!valid && mistake(25)) {
                name = pick(new String[] {"Bad_Name", "default", "", services.isEmpty() ? "svc-0" : services.getFirst()});
            }
            services.add(name);
            boolean isPrivate = chance(50);
            String host = "";
            if (!isPrivate && chance(30) || !valid && mistake(20)) {
                host = pick(new String[] {"api.example.com", "localhost", "bad host!"});
            }
            return "@dev.spur.Service(name = \"" + name + "\""
                    + (isPrivate ? ", visibility = dev.spur.Service.Visibility.PRIVATE" : "")
                    + (host.isEmpty() ? "" : ", host = \"" + host + "\"") + ")\n";
        }

        /** {@code @dev.spur.Layer({...})} with usable layers, and in an invalid case sometimes a misused one. */
        private String layerAnnotation() {
            layered = true;
            String[] usable = {"Pass", "Wired", "Base"};
            String[] misused = {"NotALayer", "Inner", "Pass"};
            List<String> chosen = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String layer = "fuzz.layers.Layers." + (mistake(20) ? pick(misused) : pick(usable)) + ".class";
                if (valid && chosen.contains(layer)) {
                    continue;
                }
                chosen.add(layer);
            }
            return "@dev.spur.Layer({" + String.join(", ", chosen) + "})\n";
        }

        private void method(StringBuilder s, String prefix, int index) {
            String httpMethod = mistake(5) ? "get" : pick(METHODS);
            List<String> pathParams = new ArrayList<>();
            String path;
            if (!routes.isEmpty() && mistake(15)) {
                String[] previous = routes.get(random.nextInt(routes.size())).split(" ", 2);
                httpMethod = previous[0];
                path = previous[1];
                for (String p : PARAM_NAMES) {
                    if (path.contains("{" + p + "}") || path.contains("{*" + p + "}")) {
                        pathParams.add(p);
                    }
                }
            } else {
                path = path(pathParams);
                for (int tries = 0; valid && !shapes.add(httpMethod.replace("HEAD", "GET") + " " + prefix + shape(path)); tries++) {
                    pathParams.clear();
                    path = tries < 5 ? path(pathParams) : "/unique" + routes.size();
                }
            }
            routes.add(httpMethod + " " + path);
            if (chance(15)) {
                match(s);
            }
            String methods = "\"" + httpMethod + "\"";
            if (chance(10)) {
                // a second method for the same handler: in a valid case one whose route is free
                String second = pick(METHODS);
                String key = second.replace("HEAD", "GET") + " " + prefix + shape(path);
                if (!second.equals(httpMethod) && (!valid || shapes.add(key))) {
                    methods = "{\"" + httpMethod + "\", \"" + second + "\"}";
                    routes.add(second + " " + path);
                }
            }
            s.append("    @Route(method = ").append(methods).append(", path = \"").append(path)
                    .append("\")\n");
            if (chance(15)) {
                s.append("    ").append(layerAnnotation());
            }
            String returns = pick(RETURNS);
            s.append("    public ").append(chance(15) ? "static " : "").append(returns).append(' ')
                    .append(pick(new String[] {"get", "list", "h", "handle", "ünï", "_do", "$m"})).append(index)
                    .append('(');
            List<String> params = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (String p : pathParams) {
                if (!used.contains(p) && !mistake(10)) {
                    params.add((path.contains("{*" + p + "}") ? "String" : pick(PATH_TYPES)) + " " + p);
                    used.add(p);
                }
            }
            if (mistake(10)) {
                String extra = "extra";
                params.add("String " + extra);
                used.add(extra);
            }
            int queries = random.nextInt(3);
            for (int q = 0; q < queries; q++) {
                String name = "q" + q;
                String type = pick(QUERY_TYPES);
                String annotation = chance(40) ? "@Query" : chance(30) ? "@Query(\"page\")"
                        : "@Query(value = \"" + (valid ? pick(new String[] {"size", "ünï", "x-y"}) : pick(new String[] {"size", "ünï", "a b", "", "x-y"})) + "\""
                        + defaultValue(type) + ")";
                params.add(annotation + " " + type + " " + name);
            }
            int headers = random.nextInt(2);
            for (int h = 0; h < headers; h++) {
                String type = pick(new String[] {"String", "Optional<String>", "int", "Color"});
                String header = valid ? pick(new String[] {"X-Name", "Accept", "X-Id"})
                        : pick(new String[] {"X-Name", "Accept", "X-Ünï", "bad name", "", "X-Id"});
                params.add("@Header(value = \"" + header + "\"" + defaultValue(type) + ") " + type + " hdr" + h);
            }
            if (chance(30)) {
                params.add("@Body " + pick(new String[] {"Item", "String", "byte[]", "List<Item>"}) + " body");
                if (mistake(15)) {
                    params.add("@Body String second");
                }
            }
            if (mistake(5)) {
                params.add("@Query @Header(\"X-C\") String both");
            }
            s.append(String.join(", ", params)).append(')');
            if (chance(25)) {
                s.append(" throws Exception");
            }
            s.append(" {\n");
            switch (returns) {
                case "String" -> s.append("        return \"ok\";\n");
                case "Item" -> s.append("        return new Item(\"a\", 1);\n");
                case "Optional<String>" -> s.append("        return Optional.empty();\n");
                case "List<Item>" -> s.append("        return List.of();\n");
                case "byte[]" -> s.append("        return new byte[0];\n");
                default -> {
                }
            }
            s.append("    }\n\n");
        }

        private String defaultValue(String type) {
            if (!chance(25) || valid && type.startsWith("Optional")) {
                return "";
            }
            String value = switch (type) {
                case "int", "long" -> !mistake(30) ? "42" : "forty-two";
                case "boolean" -> !mistake(30) ? "true" : "yes";
                case "UUID" -> !mistake(30) ? "123e4567-e89b-12d3-a456-426614174000" : "nope";
                case "Color" -> !mistake(30) ? "RED" : "BLUE";
                default -> "dëfault";
            };
            return ", defaultValue = \"" + value + "\"";
        }

        private void match(StringBuilder s) {
            List<String> parts = new ArrayList<>();
            int good = valid ? 3 : 0;
            if (chance(50)) {
                parts.add("host = \"" + pickGood(HOSTS, good) + "\"");
            }
            if (chance(50)) {
                parts.add("header = \"" + pickGood(HEADER_CONDITIONS, good) + "\"");
            }
            if (chance(50) || valid && parts.isEmpty()) {
                parts.add("query = {\"" + pickGood(QUERY_CONDITIONS, good) + "\"}");
            }
            s.append("    @Match(").append(String.join(", ", parts)).append(")\n");
        }

        private String path(List<String> params) {
            if (mistake(5)) {
                return pick(new String[] {"", "no-slash", "/{unclosed", "//", "/{}", "/{9x}"});
            }
            int segments = random.nextInt(5);
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < segments; i++) {
                path.append('/');
                int kind = random.nextInt(10);
                if (kind < 6) {
                    path.append(pick(LITERALS));
                } else if (kind < 9 || i < segments - 1 && !mistake(20)) {
                    String p = pick(PARAM_NAMES);
                    if (valid && params.contains(p)) {
                        path.append(pick(LITERALS));
                        continue;
                    }
                    params.add(p);
                    path.append('{').append(p).append('}');
                } else {
                    String p = pick(new String[] {"rest", "path"});
                    if (valid && params.contains(p)) {
                        path.append(pick(LITERALS));
                        continue;
                    }
                    params.add(p);
                    path.append("{*").append(p).append('}');
                }
            }
            return path.isEmpty() ? "/" : path.toString();
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        /** A chance of a deliberate mistake: never in a valid case. */
        private boolean mistake(int percent) {
            return !valid && chance(percent);
        }

        /** One of the first {@code good} values, or of all of them when {@code good} is 0. */
        private String pickGood(String[] values, int good) {
            return values[random.nextInt(good == 0 ? values.length : good)];
        }

        /** The template with its parameter names erased, as duplicate routes compare it. */
        private static String shape(String path) {
            return path.replaceAll("\\{\\*[^}]*}", "{*}").replaceAll("\\{[^*}][^}]*}", "{}");
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
