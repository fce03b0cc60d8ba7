package dev.spur.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * Gradle runs an annotation processor incrementally only when the processor's jar declares its
 * kind. Spur's is aggregating: one router is written from every handler of the compilation.
 */
class GradleMetadataTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = GradleMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the processor's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void theProcessorIsDeclaredAggregatingForGradle() throws Exception {
        List<String> entries = lines("META-INF/gradle/incremental.annotation.processors");
        assertEquals(List.of(SpurProcessor.class.getName() + ",aggregating"), entries);
        Class<?> named = Class.forName(entries.getFirst().split(",")[0]);
        assertTrue(Processor.class.isAssignableFrom(named), named + " is no annotation processor");
    }

    @Test
    void gradleAndJavacFindTheSameProcessor() throws IOException {
        List<String> services = lines("META-INF/services/javax.annotation.processing.Processor");
        String gradle = lines("META-INF/gradle/incremental.annotation.processors").getFirst().split(",")[0];
        assertEquals(List.of(gradle), services);
    }
}
