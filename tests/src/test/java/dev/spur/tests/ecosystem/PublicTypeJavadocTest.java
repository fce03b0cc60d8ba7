package dev.spur.tests.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public top-level type of the modules applications compile against has a Javadoc comment
 * (the javadoc jars leave doclint's "missing" group off, so this is where a missing one fails).
 */
class PublicTypeJavadocTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"annotations", "runtime", "testing"})
    void everyPublicTypeHasAJavadocComment(String module) throws IOException {
        Path sources = ProjectFiles.root().resolve(module).resolve("src/main/java");
        assertTrue(Files.isDirectory(sources), sources + " is not a folder");
        assertEquals(List.of(), PublicTypeDocs.undocumented(sources),
                "public types of " + module + " without a Javadoc comment");
    }

    @Test
    void aTypeWithoutAJavadocCommentIsFound(@TempDir Path sources) throws IOException {
        write(sources, "Documented.java", """
                package p;

                /** Says what it is for. */
                @Deprecated
                public final class Documented { }
                """);
        write(sources, "Blocked.java", """
                package p;

                /* a block comment, not Javadoc */
                public interface Blocked { }
                """);
        write(sources, "Empty.java", """
                package p;

                /** */
                public record Empty() { }
                """);
        write(sources, "BeforeImport.java", """
                /** The file's comment: it documents nothing. */
                package p;

                import java.util.List;

                public enum BeforeImport { A }
                """);
        write(sources, "Hidden.java", """
                package p;

                class Hidden { }
                """);
        assertEquals(List.of("BeforeImport.java: BeforeImport", "Blocked.java: Blocked", "Empty.java: Empty"),
                PublicTypeDocs.undocumented(sources));
    }

    private static void write(Path folder, String name, String source) throws IOException {
        Files.writeString(folder.resolve(name), source);
    }
}
