package dev.spur.tests.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random route tables, handler sources and raw request targets for the property tests, all drawn
 * from one seeded {@link Random} so that a failure can be replayed from its seed.
 */
final class RouteTables {

    /** Literal segments: plain, case-different, percent and space, non-ASCII, sub-delimiters. */
    static final List<String> LITERALS = List.of("a", "b", "ab", "users", "me", "x.y", "%", "\u00e9", "a b", "~",
            "42", "A", "%41", "!$&'()*+,;=:@");

    /** Segment values as sent (already encoded), that routes may or may not take. */
    static final List<String> VALUES = List.of("x", "me", "42", "a%2Fb", "%41", "..a", "a.", "%2e%2e%2e", "%C3%A9",
            "users", "ab", "A", "%25", "~", "a%20b", "%2F", "b", "x.y", "%2541");

    /** Segments as sent that the server must refuse with a 400. */
    static final List<String> BAD = List.of("%zz", "%", "%f", "%ff", "%c3", "%00", "a%00", ".", "..", "%2e", "%2E%2e",
            "%C0%AF", "%ED%A0%80");

    /** The methods requests are sent with. */
    static final List<String> REQUEST_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "QUERY",
            "PATCH");

    private static final String SAFE = "-._~!$&'()*+,;=:@";
    private static final Pattern PARAM = Pattern.compile("\\{\\*?([^}/]*)}");

    /** A route to write as a handler method: handler parameter names usually equal the template's. */
    record Spec(int id, String method, String template, List<String> parameters, String parameterType) {

        static Spec valid(int id, String method, String template) {
            return new Spec(id, method, template, names(template), "String");
        }
    }

    private final Random random;

    RouteTables(Random random) {
        this.random = random;
    }

    /** Up to {@code size} valid routes, no two with one method and one shape. */
    List<Spec> table(int size) {
        List<Spec> routes = new ArrayList<>();
        Set<String> shapes = new LinkedHashSet<>();
        for (int attempt = 0; routes.size() < size && attempt < size * 10; attempt++) {
            String method = method();
            String template = template();
            if (shapes.add(method + " " + shape(template))) {
                routes.add(Spec.valid(routes.size() + 1, method, template));
            }
        }
        return routes;
    }

    private String method() {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return "GET";
        }
        if (roll < 60) {
            return "POST";
        }
        if (roll < 70) {
            return "PUT";
        }
        if (roll < 80) {
            return "DELETE";
        }
        if (roll < 88) {
            return "QUERY";
        }
        return roll < 94 ? "HEAD" : "OPTIONS";
    }

    private String template() {
        int length = random.nextInt(4);
        if (length == 0) {
            return "/";
        }
        StringBuilder template = new StringBuilder();
        boolean catchAll = false;
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            if (i == length - 1 && kind < 15) {
                template.append("/{*rest}");
                catchAll = true;
            } else if (kind < 45) {
                template.append("/{p").append(i).append('}');
            } else {
                template.append('/').append(pick(LITERALS));
            }
        }
        if (!catchAll && random.nextInt(10) == 0) {
            template.append('/');
        }
        return template.toString();
    }

    /** A route with a mistake and the ID of the diagnostic it must get. */
    record Mistake(Spec spec, String id) {
    }

    /** A route with one random mistake; {@code table} supplies a route to duplicate. */
    Mistake mistake(int id, List<Spec> table) {
        String prefix = "/m" + id;
        String badPath = "Route/BadPath";
        return switch (random.nextInt(16)) {
            case 0 -> bad(id, "GET", "m" + id + "/a", badPath);
            case 1 -> bad(id, "GET", prefix + "//b", badPath);
            case 2 -> bad(id, "POST", prefix + "/a{p0}", badPath);
            case 3 -> bad(id, "GET", prefix + "/{p0", badPath);
            case 4 -> bad(id, "GET", prefix + "/" + pick(List.of(".", "..")), badPath);
            case 5 -> bad(id, "GET", prefix + "/{" + pick(List.of("1x", "class", "a-b", "", "*", "*1")) + "}", badPath);
            case 6 -> bad(id, "GET", prefix + "/}", badPath);
            case 7 -> bad(id, "DELETE", "", badPath);
            case 8 -> new Mistake(new Spec(id, "GET", prefix + "/{*rest}/a", List.of("rest"), "String"),
                    "Route/CatchAllNotLast");
            case 9 -> new Mistake(new Spec(id, "GET", prefix + "/{p0}/{p0}", List.of("p0"), "String"),
                    "Route/DuplicateParam");
            case 10 -> bad(id, pick(List.of("get", "G T", "", "GET ", "{GET}")), prefix, "Route/BadMethod");
            case 11 -> new Mistake(new Spec(id, "GET", prefix + "/{p0}/{p1}", List.of("p0"), "String"),
                    "Route/UnboundParam");
            case 12 -> new Mistake(new Spec(id, "GET", prefix, List.of("zz"), "String"), "Route/UnknownParam");
            case 13 -> new Mistake(new Spec(id, "GET", prefix + "/{p0}", List.of("p0"), "Object"),
                    "Route/UnsupportedParamType");
            default -> {
                if (table.isEmpty()) {
                    yield bad(id, "GET", prefix + "//", badPath);
                }
                Spec original = pick(table);
                String renamed = original.template().replace("{p", "{q").replace("{*rest}", "{*tail}");
                yield new Mistake(new Spec(id, original.method(), renamed, names(renamed), "String"), "Route/Duplicate");
            }
        };
    }

    private static Mistake bad(int id, String method, String template, String diagnostic) {
        return new Mistake(new Spec(id, method, template, List.of(), "String"), diagnostic);
    }

    /** A raw request target, mostly built to reach one of {@code routes}, sometimes broken. */
    String target(List<PathModel.Route> routes) {
        String path = !routes.isEmpty() && random.nextInt(10) < 7 ? instantiate(pick(routes)) : randomPath();
        if (random.nextInt(5) == 0) {
            path = mutate(path);
        }
        return random.nextInt(10) == 0 ? path + "?q=1" : path;
    }

    String requestMethod() {
        return pick(REQUEST_METHODS);
    }

    private String instantiate(PathModel.Route route) {
        StringBuilder path = new StringBuilder();
        for (PathModel.Segment segment : route.segments()) {
            path.append('/');
            switch (segment) {
                case PathModel.Literal literal -> path.append(encode(literal.text()));
                case PathModel.Param param -> path.append(pick(VALUES));
                case PathModel.CatchAll catchAll -> {
                    int parts = 1 + random.nextInt(3);
                    for (int i = 0; i < parts; i++) {
                        path.append(i == 0 ? "" : "/").append(random.nextInt(5) == 0 ? "" : pick(VALUES));
                    }
                }
            }
        }
        return path.toString();
    }

    private String randomPath() {
        int length = random.nextInt(5);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            path.append('/').append(kind < 4 ? encode(pick(LITERALS)) : kind < 8 ? pick(VALUES) : kind < 9 ? pick(BAD) : "");
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private String mutate(String path) {
        return switch (random.nextInt(4)) {
            case 0 -> path + "/";
            case 1 -> "/" + path;
            case 2 -> {
                int slash = path.lastIndexOf('/');
                yield path.substring(0, slash) + "/" + pick(BAD) + path.substring(slash);
            }
            default -> path.replaceFirst("/", "//");
        };
    }

    /** Percent-encodes {@code text} as UTF-8, leaving some safe characters as they are. */
    private String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean safe = c < 0x80 && (Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0);
            if (safe && random.nextInt(4) != 0) {
                out.append(c);
            } else {
                String hex = String.format("%%%02X", b & 0xff);
                out.append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A template's shape: parameter names removed. */
    static String shape(String template) {
        return template.replaceAll("\\{\\*[^}]*}", "{*}").replaceAll("\\{[^*}][^}]*}", "{}");
    }

    /** A template's parameter names, in order. */
    static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAM.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The source of {@code packageName.Handlers}: one method per route, answering
     * {@code {"route":ID,"params":{...}}}.
     */
    static String source(String packageName, List<Spec> routes) {
        StringBuilder source = new StringBuilder("package ").append(packageName).append(";\n\n")
                .append("import dev.spur.Route;\n\npublic class Handlers {\n");
        for (Spec route : routes) {
            source.append("    @Route(method = ").append(quote(route.method())).append(", path = ")
                    .append(quote(route.template())).append(")\n    public String r").append(route.id()).append('(');
            for (int i = 0; i < route.parameters().size(); i++) {
                source.append(i == 0 ? "" : ", ").append(route.parameterType()).append(' ')
                        .append(route.parameters().get(i));
            }
            source.append(") {\n        return answer(").append(route.id());
            for (String parameter : route.parameters()) {
                source.append(", ").append(quote(parameter)).append(", String.valueOf(").append(parameter).append(')');
            }
            source.append(");\n    }\n\n");
        }
        return source.append("""
                    private static String answer(int route, String... params) {
                        StringBuilder json = new StringBuilder("{\\"route\\":").append(route).append(",\\"params\\":{");
                        for (int i = 0; i < params.length; i += 2) {
                            json.append(i == 0 ? "\\"" : ",\\"").append(params[i]).append("\\":\\"");
                            for (char c : params[i + 1].toCharArray()) {
                                json.append(c == '"' || c == '\\\\' ? "\\\\" + c
                                        : c < 0x20 ? String.format("\\\\u%04x", (int) c) : String.valueOf(c));
                            }
                            json.append('"');
                        }
                        return json.append("}}").toString();
                    }
                }
                """).toString();
    }

    /** {@code text} as a Java string literal, non-ASCII as unicode escapes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
