package dev.spur.tests.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.spur.runtime.Router;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded property test: literal segments of arbitrary Unicode (line and paragraph separators,
 * backslash-u sequences, comment and string delimiters, surrogate pairs, format characters) give a
 * router that compiles and serves each of them. A failure names its seed; {@code -Dspur.seed=N}
 * replays it.
 */
class UnicodeLiteralPropertyTest {

    private static final long SEED = Long.getLong("spur.seed", System.nanoTime());
    private static final int ROUTES = 40;
    /** Characters that break generated source when pasted in unescaped. */
    private static final int[] HOSTILE = {'\\', '"', '\'', '*', '/', '@', '{', '}', 'u', '0', 'a', '%', '$',
            '\u2028', '\u2029', '\u0085', '\u00a0', '\ufeff', '\u200b', '\u202e', '\u0301', 0x1F600, 0x10FFFF,
            0x20000, '\u00e9', '\u4e2d', '<', '>', '&', ';', '#', '\t'};

    @TempDir
    Path temp;

    @Test
    void arbitraryUnicodeLiteralsCompileAndServe() throws Exception {
        System.out.println("UnicodeLiteralPropertyTest seed " + SEED + " (replay with -Dspur.seed=" + SEED + ")");
        Random random = new Random(SEED);
        Set<String> segments = new LinkedHashSet<>(List.of("\\u000a", "\\u002a", "*", "\\uZZZZ", "\u2028",
                "\u2029x", "a\\", "\\", "@param", "@code", "%41", "%", "\\u005C"));
        while (segments.size() < ROUTES) {
            String segment = segment(random);
            if (!segment.equals(".") && !segment.equals("..") && !segment.isEmpty()) {
                segments.add(segment);
            }
        }
        List<String> literals = new ArrayList<>(segments);
        StringBuilder source = new StringBuilder("""
                package fuzz;

                import dev.spur.Route;

                public class Literals {
                """);
        for (int i = 0; i < literals.size(); i++) {
            source.append("    @Route(path = \"/").append(javaEscape(literals.get(i))).append("\")\n")
                    .append("    public String r").append(i).append("() {\n")
                    .append("        return \"").append(i).append("\";\n    }\n\n");
            source.append("    @Route(path = \"/n/").append(javaEscape(literals.get(i))).append("/{v}\")\n")
                    .append("    public String n").append(i).append("(String v) {\n")
                    .append("        return v;\n    }\n\n");
        }
        source.append("}\n");
        JavaFileObject file = JavaFileObjects.forSourceString("fuzz.Literals", source.toString());
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = Processing.compileInto(temp, file);
        assertTrue(errors.isEmpty(), () -> replay() + ": " + errors + "\nliterals: " + literals);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Router router = (Router) loader.loadClass("fuzz.SpurRouter").getMethod("create").invoke(null);
            try (SpurServer server = SpurServer.builder(router).host("127.0.0.1").port(0).start();
                 RawHttp http = RawHttp.local(server.port())) {
                for (int i = 0; i < literals.size(); i++) {
                    String encoded = percentEncode(literals.get(i));
                    RawHttp.Answer answer = http.send("GET", "/" + encoded);
                    assertEquals(200, answer.status(), replay() + ": GET /" + encoded);
                    assertEquals(Integer.toString(i), answer.text(), replay() + ": GET /" + encoded);
                    RawHttp.Answer param = http.send("GET", "/n/" + encoded + "/" + encoded);
                    assertEquals(literals.get(i), param.text(), replay() + ": GET /n/" + encoded);
                }
            }
        }
    }

    private static String replay() {
        return "seed " + SEED + " (replay with -Dspur.seed=" + SEED + ")";
    }

    /** One to eight code points, mostly hostile ones, never a control character or a slash. */
    private static String segment(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(8);
        while (text.codePointCount(0, text.length()) < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> HOSTILE[random.nextInt(HOSTILE.length)];
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xa0 + random.nextInt(0xd800 - 0xa0);
                default -> 0xe000 + random.nextInt(Character.MAX_CODE_POINT - 0xe000);
            };
            if (codePoint != '/' && codePoint != '{' && codePoint != '}' && codePoint != '\t'
                    && !(codePoint >= 0xfdd0 && codePoint <= 0xfdef)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** The text as a Java string literal's content, ASCII only. */
    private static String javaEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Every byte but unreserved ASCII percent-encoded. */
    private static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
