package dev.spur.bench;

import dev.spur.runtime.internal.RequestPath;
import dev.spur.runtime.RouteInfo;
import dev.spur.tests.routesets.HandlerSource;
import dev.spur.tests.routesets.RouteSet;
import dev.spur.tests.support.InProcessCompiler;
import io.helidon.common.uri.UriPath;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Everything one route set needs for the lookup benchmark: its lookup requests, Spur's compiled
 * router, the same routes as Helidon path matchers, and the hash-map floor. The three candidate
 * methods ({@link #spur}, {@link #helidon}, {@link #floor}) each do every lookup of the set once and
 * return how many found a route; the JMH benchmark and the smoke test both call them.
 */
public final class LookupFixture {

    private static final Pattern PARAM = Pattern.compile("\\{(\\*?)([^}]*)}");

    private final RouteSet set;
    private final int size;
    private final String[] methods;
    private final String[] paths;
    private final byte[][] requestKeys;

    private final SpurFinder finder;
    private final List<RouteInfo> spurRoutes;
    private final int[] spurIds;
    private final RouteInfo[] matched;

    private final List<HelidonRoute> helidonRoutes;

    private final Map<String, Integer> floor;

    /** One Helidon route as {@code HttpRouteImpl} holds it: method predicate, path matcher. */
    record HelidonRoute(int id, Predicate<Method> methods, PathMatcher matcher) {
    }

    private LookupFixture(RouteSet set, List<RouteSet.Lookup> lookups, SpurFinder finder) {
        this.set = set;
        this.size = lookups.size();
        this.methods = lookups.stream().map(RouteSet.Lookup::method).toArray(String[]::new);
        this.paths = lookups.stream().map(RouteSet.Lookup::path).toArray(String[]::new);
        this.requestKeys = lookups.stream()
                .map(l -> (l.method() + ' ' + l.path()).getBytes(StandardCharsets.ISO_8859_1))
                .toArray(byte[][]::new);
        this.finder = finder;
        this.spurRoutes = finder.routeTable();
        this.spurIds = spurRoutes.stream().mapToInt(LookupFixture::routeId).toArray();
        this.matched = new RouteInfo[size];
        for (int i = 0; i < size; i++) {
            int route = finder.find(methods[i], RequestPath.canonical(paths[i]));
            matched[i] = route < 0 ? null : spurRoutes.get(route);
        }
        List<HelidonRoute> helidon = new ArrayList<>();
        for (RouteSet.Route route : set.routes()) {
            helidon.add(new HelidonRoute(route.id(), Method.predicate(Method.create(route.method())),
                    PathMatchers.create(helidonTemplate(route.template()))));
        }
        this.helidonRoutes = List.copyOf(helidon);
        // The floor's map holds the answer Spur gives for each lookup that has a route.
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
            int route = spurRoute(i);
            if (route >= 0) {
                map.put(methods[i] + ' ' + paths[i], route);
            }
        }
        this.floor = map;
    }

    /**
     * Reads set {@code name} from {@link RouteSet#defaultFolder()}, compiles its router with
     * Spur's processor in a temporary folder and prepares all three candidates.
     */
    public static LookupFixture prepare(String name) {
        RouteSet set = RouteSet.read(RouteSet.defaultFolder().resolve(name + ".routes"));
        return new LookupFixture(set, lookups(set), compile(set));
    }

    /** The set's {@code .lookups}, or one request per route derived from its template. */
    public static List<RouteSet.Lookup> lookups(RouteSet set) {
        List<RouteSet.Lookup> given = set.lookups();
        if (!given.isEmpty()) {
            return given;
        }
        Set<RouteSet.Lookup> derived = new LinkedHashSet<>();
        for (RouteSet.Route route : set.routes()) {
            derived.add(new RouteSet.Lookup(route.method(), samplePath(route.template())));
        }
        return List.copyOf(derived);
    }

    /** A request path for a template: {@code p1}, {@code p2}, ... per parameter (catch-all {@code pN/x}). */
    public static String samplePath(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            n++;
            m.appendReplacement(out, m.group(1).isEmpty() ? "p" + n : "p" + n + "/x");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Spur's template in Helidon's syntax: {@code {*name}} (non-empty rest) becomes {@code {+name}}. */
    public static String helidonTemplate(String template) {
        return template.replace("{*", "{+");
    }

    /** The route-set id of a generated route (handler methods are named {@code rID}). */
    static int routeId(RouteInfo info) {
        String handler = info.handler();
        return Integer.parseInt(handler.substring(handler.lastIndexOf(".r") + 2));
    }

    /** The Java source of the adapter that exposes {@code Router}'s static methods. */
    static String adapterSource(String pkg) {
        return "package " + pkg + ";\n\n"
                + "/** Benchmark adapter: direct calls to the generated router's static methods. */\n"
                + "public final class Finder implements dev.spur.bench.SpurFinder {\n"
                + "    @Override\n"
                + "    public int find(String method, String canonicalPath) {\n"
                + "        return Router.find(method, canonicalPath);\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public java.util.List<dev.spur.runtime.RouteInfo> routeTable() {\n"
                + "        return Router.routeTable();\n"
                + "    }\n"
                + "}\n";
    }

    private static SpurFinder compile(RouteSet set) {
        String pkg = "bench.set" + set.javaName().toLowerCase(Locale.ROOT);
        String dir = pkg.replace('.', '/');
        Path folder = tempFolder("spur-bench-" + set.name() + "-");
        ClassLoader loader = InProcessCompiler.compile(folder, Map.of(
                dir + "/Handlers.java", HandlerSource.generate(set, pkg, "Handlers"),
                dir + "/Finder.java", adapterSource(pkg)), pkg + ".Router");
        try {
            return (SpurFinder) loader.loadClass(pkg + ".Finder").getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the compiled router of " + set.name(), e);
        }
    }

    /**
     * A temporary folder, deleted when the JVM exits unless the system property
     * {@code spur.bench.keep} is set (then its path is printed, to read the generated router).
     */
    public static Path tempFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            if (System.getProperty("spur.bench.keep") != null) {
                System.err.println("spur-bench: compiled into " + folder);
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The route set. */
    public RouteSet set() {
        return set;
    }

    /** How many lookups one call of a candidate does. */
    public int size() {
        return size;
    }

    /** The {@code i}th lookup as {@code METHOD /path}. */
    public String lookup(int i) {
        return methods[i] + " " + paths[i];
    }

    /**
     * Spur: canonical path (validation and percent-decoding), the generated {@code find}, and the
     * matched route's decoded path parameters.
     */
    public int spur(Blackhole bh) {
        int found = 0;
        for (int i = 0; i < size; i++) {
            String path = RequestPath.canonical(paths[i]);
            int route = finder.find(methods[i], path);
            if (route >= 0) {
                bh.consume(spurRoutes.get(route).parameterValues(path));
                found++;
            }
        }
        return found;
    }

    /**
     * Helidon 4.5's routing as {@code HttpRoutingImpl}/{@code RouteCrawler} do per request: parse the
     * method and the {@code UriPath} (done per request when the prologue is read), then walk the
     * routes in registration order, testing the method predicate and then the path matcher, until
     * the first accepted one; its {@code RoutedPath} carries the path parameters.
     */
    public int helidon(Blackhole bh) {
        int found = 0;
        for (int i = 0; i < size; i++) {
            Method method = Method.create(methods[i]);
            UriPath uriPath = UriPath.create(paths[i]);
            for (HelidonRoute route : helidonRoutes) {
                if (route.methods().test(method)) {
                    PathMatchers.MatchResult result = route.matcher().match(uriPath);
                    if (result.accepted()) {
                        bh.consume(result.path().pathParameters());
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The floor: {@code HashMap.get} with a key freshly built from the request's bytes. */
    public int floor(Blackhole bh) {
        int found = 0;
        for (int i = 0; i < size; i++) {
            Integer route = floor.get(new String(requestKeys[i], StandardCharsets.ISO_8859_1));
            if (route != null) {
                bh.consume(route);
                found++;
            }
        }
        return found;
    }

    /** Breakdown of {@link #spur}: only {@code RequestPath.canonical}. */
    public int spurCanonicalOnly(Blackhole bh) {
        int length = 0;
        for (int i = 0; i < size; i++) {
            length += RequestPath.canonical(paths[i]).length();
        }
        return length;
    }

    /** Breakdown of {@link #spur}: only the generated {@code find} (paths are already canonical). */
    public int spurFindOnly(Blackhole bh) {
        int found = 0;
        for (int i = 0; i < size; i++) {
            if (finder.find(methods[i], paths[i]) >= 0) {
                found++;
            }
        }
        return found;
    }

    /** Breakdown of {@link #spur}: only {@code RouteInfo.parameterValues} of the matched route. */
    public int spurParametersOnly(Blackhole bh) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            RouteInfo route = matched[i];
            if (route != null) {
                String[] values = route.parameterValues(paths[i]);
                bh.consume(values);
                count += values.length;
            }
        }
        return count;
    }

    /** The route-set id Spur answers for lookup {@code i}, or -1. */
    public int spurRoute(int i) {
        int route = finder.find(methods[i], RequestPath.canonical(paths[i]));
        return route < 0 ? -1 : spurIds[route];
    }

    /** Spur's decoded parameters for lookup {@code i} (empty when no route). */
    public List<String> spurParameters(int i) {
        String path = RequestPath.canonical(paths[i]);
        int route = finder.find(methods[i], path);
        return route < 0 ? List.of() : List.of(spurRoutes.get(route).parameterValues(path));
    }

    /** The route-set id Helidon's first-match walk answers for lookup {@code i}, or -1. */
    public int helidonRoute(int i) {
        Method method = Method.create(methods[i]);
        UriPath uriPath = UriPath.create(paths[i]);
        for (HelidonRoute route : helidonRoutes) {
            if (route.methods().test(method) && route.matcher().match(uriPath).accepted()) {
                return route.id();
            }
        }
        return -1;
    }

    /** The floor's answer for lookup {@code i}, or -1. */
    public int floorRoute(int i) {
        Integer route = floor.get(new String(requestKeys[i], StandardCharsets.ISO_8859_1));
        return route == null ? -1 : route;
    }
}
