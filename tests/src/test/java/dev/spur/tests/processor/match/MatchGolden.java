package dev.spur.tests.processor.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a golden file under {@code src/test/resources/golden/match/}.
 *
 * <p>After an intended change of the generated code, rewrite the golden files with the system
 * property {@code spur.golden.update=true} (Surefire passes {@code -D} properties to the tests):
 * <pre>
 * mvn -B -q verify -pl tests -am -Dspur.golden.update=true -Dtest='MatchGolden*' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * In that mode each golden file is written into the source tree instead of compared, and the test
 * then fails on purpose so that an update never passes unnoticed: review it with {@code git diff}
 * and run again without the property.
 */
final class MatchGolden {

    /** The system property that switches from comparing to rewriting. */
    static final String UPDATE_PROPERTY = "spur.golden.update";

    private MatchGolden() {
    }

    /** Asserts that {@code actual} equals the golden file {@code name} under {@code golden/match/}. */
    static void assertMatches(String name, String actual) {
        Path file = folder().resolve(name);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                fail("golden file rewritten: " + file + "; review it and run again without -D" + UPDATE_PROPERTY);
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + "; create it with -D" + UPDATE_PROPERTY + "=true");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "generated text differs from " + file + " at line "
                    + firstDifferentLine(expected, actual) + " (rewrite with -D" + UPDATE_PROPERTY + "=true)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden folder in the source tree (Surefire sets {@code basedir} to the module's folder). */
    private static Path folder() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("src/test/resources/golden/match");
    }

    /** The number (from 1) of the first line where the texts differ. */
    static int firstDifferentLine(String expected, String actual) {
        String[] left = expected.split("\n", -1);
        String[] right = actual.split("\n", -1);
        int line = 0;
        while (line < left.length && line < right.length && left[line].equals(right[line])) {
            line++;
        }
        return line + 1;
    }
}
