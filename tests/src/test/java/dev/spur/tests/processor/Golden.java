package dev.spur.tests.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a golden file under {@code src/test/resources/golden/}, read as a
 * class path resource. It serves every golden test: {@code GoldenRouterTest} (files under
 * {@code golden/shop/}) and {@code match.MatchGoldenTest} (files under {@code golden/match/}).
 *
 * <p>To regenerate the golden files after an intended change of the generated code, run the golden
 * tests with the system property {@code spur.golden.update=true}:
 * <pre>
 * mvn -B -q verify -pl tests -am -Dspur.golden.update=true -Dtest='GoldenRouterTest,MatchGoldenTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (Surefire passes {@code -D} properties to the tests; name just one of the two tests to rewrite
 * only its files). In that mode each golden file is rewritten in the source tree instead of
 * compared, and the test then fails on purpose, so that an update never passes unnoticed: review
 * the change with {@code git diff} and run the tests again without the property.
 */
public final class Golden {

    /** The system property that switches from comparing to rewriting. */
    public static final String UPDATE_PROPERTY = "spur.golden.update";

    private static final int CONTEXT_LINES = 3;

    private Golden() {
    }

    /**
     * Asserts that {@code actual} equals the golden file {@code name}, a path under {@code golden/}
     * such as {@code shop/SpurRouter.java.txt} or {@code match/SpurRouter.java.txt}.
     */
    public static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Path file = sourceFolder().resolve(name);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("golden file rewritten: " + file + "; review it and run again without -D" + UPDATE_PROPERTY);
        }
        String expected = read(name);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "generated text differs from golden/" + name + " (regenerate with -D"
                    + UPDATE_PROPERTY + "=true, see Golden's Javadoc)\n" + firstDifference(expected, actual)
                    + "\n--- full actual text ---\n" + actual + "--- end of actual text ---\n");
        }
    }

    private static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                fail("no golden file golden/" + name + " on the test class path; create it with -D"
                        + UPDATE_PROPERTY + "=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden folder in the source tree (Surefire sets {@code basedir} to the module's folder). */
    private static Path sourceFolder() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("src/test/resources/golden");
    }

    /** The number (from 1) of the first line where the texts differ. */
    public static int firstDifferentLine(String expected, String actual) {
        String[] left = expected.split("\n", -1);
        String[] right = actual.split("\n", -1);
        int line = 0;
        while (line < left.length && line < right.length && left[line].equals(right[line])) {
            line++;
        }
        return line + 1;
    }

    /** The first differing line with a few lines of context from both texts, as a small unified diff. */
    public static String firstDifference(String expected, String actual) {
        String[] left = expected.split("\n", -1);
        String[] right = actual.split("\n", -1);
        int line = firstDifferentLine(expected, actual) - 1;
        StringBuilder diff = new StringBuilder("first difference at line " + (line + 1) + ":\n");
        for (int i = Math.max(0, line - CONTEXT_LINES); i < line; i++) {
            diff.append("  ").append(left[i]).append('\n');
        }
        for (int i = line; i < Math.min(left.length, line + CONTEXT_LINES); i++) {
            diff.append("- ").append(left[i]).append('\n');
        }
        for (int i = line; i < Math.min(right.length, line + CONTEXT_LINES); i++) {
            diff.append("+ ").append(right[i]).append('\n');
        }
        return diff.toString();
    }
}
