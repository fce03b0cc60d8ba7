package dev.spur.tests.reliability;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A reference model of DESIGN "Paths", written from the text and independently of the processor
 * and the runtime: it takes a route table and a raw request and says what the answer must be.
 * It matches by trying every route and comparing priorities, not by walking a trie.
 */
final class PathModel {

    /** One segment of a template. */
    sealed interface Segment {
    }

    /** A literal, compared case-sensitively with the decoded request segment. */
    record Literal(String text) implements Segment {
    }

    /** {@code {name}}: one whole non-empty segment. */
    record Param(String name) implements Segment {
    }

    /** {@code {*name}}: the non-empty rest of the path, last only. */
    record CatchAll(String name) implements Segment {
    }

    /** A route: its 1-based id, method and parsed template. */
    record Route(int id, String method, String template, List<Segment> segments) {

        /** Parses a valid template (the model is only ever given valid ones). */
        static Route of(int id, String method, String template) {
            List<Segment> segments = new ArrayList<>();
            for (String part : template.substring(1).split("/", -1)) {
                if (part.startsWith("{*")) {
                    segments.add(new CatchAll(part.substring(2, part.length() - 1)));
                } else if (part.startsWith("{")) {
                    segments.add(new Param(part.substring(1, part.length() - 1)));
                } else {
                    segments.add(new Literal(part));
                }
            }
            return new Route(id, method, template, List.copyOf(segments));
        }
    }

    /**
     * The answer a request must get: status, and for a routed one the route and its parameters;
     * for 405 and for OPTIONS without a route, the {@code Allow} header.
     */
    record Answer(int status, int route, Map<String, String> params, String allow) {

        static Answer of(int status) {
            return new Answer(status, 0, Map.of(), null);
        }
    }

    private final List<Route> routes;

    PathModel(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The answer to {@code method} on {@code target} (a raw origin-form target). */
    Answer answer(String method, String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (!path.startsWith("/") || transportRefuses(path)) {
            return Answer.of(400);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            String decoded = decode(raw);
            if (decoded == null || decoded.indexOf('\0') >= 0 || decoded.equals(".") || decoded.equals("..")) {
                return Answer.of(400);
            }
            segments.add(decoded);
        }
        Route best = null;
        Map<String, String> bestParams = null;
        TreeSet<String> allow = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route, segments);
            if (params == null) {
                continue;
            }
            allow.add(route.method());
            boolean accepts = route.method().equals(method) || method.equals("HEAD") && route.method().equals("GET");
            if (accepts && (best == null || beats(route, best, method))) {
                best = route;
                bestParams = params;
            }
        }
        if (best != null) {
            return new Answer(200, best.id(), bestParams, null);
        }
        if (allow.isEmpty()) {
            return Answer.of(404);
        }
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return new Answer(method.equals("OPTIONS") ? 204 : 405, 0, Map.of(), String.join(", ", allow));
    }

    /**
     * Whether Helidon refuses the raw path before routing: it validates it with
     * {@link URI#create} after dropping one slash of a leading {@code //} ({@code UriPathNoParam},
     * Helidon 4.5), so a path that starts with {@code ///} is a 400 although DESIGN would route it.
     */
    private static boolean transportRefuses(String path) {
        try {
            URI.create(path.startsWith("//") ? path.substring(1) : path);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The route's parameters when it matches the decoded segments, else null. */
    private static Map<String, String> match(Route route, List<String> segments) {
        Map<String, String> params = new LinkedHashMap<>();
        List<Segment> template = route.segments();
        for (int i = 0; i < template.size(); i++) {
            switch (template.get(i)) {
                case Literal literal -> {
                    if (i >= segments.size() || !segments.get(i).equals(literal.text())) {
                        return null;
                    }
                }
                case Param param -> {
                    if (i >= segments.size() || segments.get(i).isEmpty()) {
                        return null;
                    }
                    params.put(param.name(), segments.get(i));
                }
                case CatchAll catchAll -> {
                    String rest = i >= segments.size() ? "" : String.join("/", segments.subList(i, segments.size()));
                    if (rest.isEmpty()) {
                        return null;
                    }
                    params.put(catchAll.name(), rest);
                    return params;
                }
            }
        }
        return template.size() == segments.size() ? params : null;
    }

    /**
     * Whether {@code challenger} has priority over {@code holder}: the first segment where their
     * kinds differ decides, literal over parameter over catch-all. Same shapes differ only by
     * method (a HEAD route beside a GET route): the request's own method wins.
     */
    private static boolean beats(Route challenger, Route holder, String method) {
        int length = Math.min(challenger.segments().size(), holder.segments().size());
        for (int i = 0; i < length; i++) {
            int a = rank(challenger.segments().get(i));
            int b = rank(holder.segments().get(i));
            if (a != b) {
                return a < b;
            }
        }
        return challenger.method().equals(method) && !holder.method().equals(method);
    }

    private static int rank(Segment segment) {
        return switch (segment) {
            case Literal literal -> 0;
            case Param param -> 1;
            case CatchAll catchAll -> 2;
        };
    }

    /** Percent-decodes one raw segment as UTF-8; null when malformed or not UTF-8. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
