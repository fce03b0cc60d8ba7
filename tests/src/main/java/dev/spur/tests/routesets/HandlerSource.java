package dev.spur.tests.routesets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Java source of a handler class for a route set: one {@code @Route} method per
 * route, answering {@code {"route":ID,"params":{...}}} as text so a client can check which route
 * took a request and what it bound.
 */
public final class HandlerSource {

    private static final Pattern PARAM = Pattern.compile("\\{\\*?([^}]*)}");

    private HandlerSource() {
    }

    /** The source of class {@code packageName.className} for {@code set}. */
    public static String generate(RouteSet set, String packageName, String className) {
        StringBuilder source = new StringBuilder()
                .append("package ").append(packageName).append(";\n\n")
                .append("import dev.spur.Route;\n\n")
                .append("/** Handlers of route set '").append(set.name()).append("'. */\n")
                .append("public class ").append(className).append(" {\n");
        for (RouteSet.Route route : set.routes()) {
            List<String> params = parameterNames(route.template());
            source.append("\n    @Route(method = ").append(quote(route.method()))
                    .append(", path = ").append(quote(route.template())).append(")\n")
                    .append("    public String r").append(route.id()).append('(')
                    .append(String.join(", ", params.stream().map(p -> "String " + p).toList()))
                    .append(") {\n        return answer(").append(route.id());
            for (String param : params) {
                source.append(", ").append(quote(param)).append(", ").append(param);
            }
            source.append(");\n    }\n");
        }
        source.append("""

                    private static String answer(int route, String... params) {
                        StringBuilder json = new StringBuilder("{\\"route\\":").append(route).append(",\\"params\\":{");
                        for (int i = 0; i < params.length; i += 2) {
                            json.append(i == 0 ? "" : ",");
                            quote(json, params[i]);
                            json.append(':');
                            quote(json, params[i + 1]);
                        }
                        return json.append("}}").toString();
                    }

                    private static void quote(StringBuilder json, String value) {
                        json.append('"');
                        for (char c : value.toCharArray()) {
                            if (c == '"' || c == '\\\\') {
                                json.append('\\\\').append(c);
                            } else if (c < 0x20) {
                                json.append(String.format("\\\\u%04x", (int) c));
                            } else {
                                json.append(c);
                            }
                        }
                        json.append('"');
                    }
                }
                """);
        return source.toString();
    }

    /** The parameter names of a template, in order. */
    public static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAM.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
