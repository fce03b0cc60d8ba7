package dev.spur.tests.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own project" section, done as a reader would do it: its files written to a
 * fresh folder, its {@code mvn} command run there by the Maven running this build, its {@code curl}
 * requests sent to the application that command starts. The new project resolves Spur from a local
 * repository holding this build's artifacts ({@link ReactorRepository}) and everything else from the
 * local repository of this build, as a mirror of every remote: no network, and nothing this build
 * has not already downloaded (the README pins the plugins this build uses).
 */
class OwnProjectReadmeTest {

    private static final String SECTION = "Your own project";
    private static final Pattern LISTENING = Pattern.compile("http://localhost:(\\d+)");
    /** {@code curl [options] localhost:8080/path  # expectation}. */
    private static final Pattern CURL = Pattern.compile("^curl\\s+(?:-\\S+\\s+)*localhost:8080(/\\S*)\\s*#\\s*(.*)$");
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b.*");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void theReadmeProjectBuildsRunsAndAnswersAsTheReadmeSays() throws Exception {
        ReadmeSection section = readme();
        Path project = writeFiles(section.files());
        List<String> run = only(section.shellBlocks().stream()
                .filter(block -> block.stream().anyMatch(line -> CURL.matcher(line).matches())).toList(),
                "sh block with 'curl ... localhost:8080/...  # answer' requests");
        String build = only(run.stream().filter(line -> line.startsWith("mvn ")).toList(), "mvn command beside them");
        List<Curl> curls = run.stream().map(CURL::matcher).filter(Matcher::matches)
                .map(m -> new Curl(m.group(1), m.group(2).trim())).toList();

        Path repository = ReactorRepository.create(temp.resolve("repository"));
        ProcessBuilder builder = new ProcessBuilder(mavenCommand(build, repository))
                .directory(project.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", "0");
        Process maven = builder.start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Integer> port = listeningPort(maven, output);
        try (HttpClient client = HttpClient.newHttpClient()) {
            int actual = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (Curl curl : curls) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + actual + curl.path())).build(),
                        HttpResponse.BodyHandlers.ofString());
                curl.check(response);
            }
        } catch (TimeoutException e) {
            fail("the project did not start within " + START_TIMEOUT + "; Maven said:\n" + text(output));
        } catch (ExecutionException e) {
            fail("the project did not start: " + e.getCause().getMessage() + "; Maven said:\n" + text(output));
        } finally {
            stop(maven);
        }
    }

    @Test
    void theReadmePomPinsThePluginVersionsThisBuildUses() {
        Map<String, String> files = readme().files();
        String pom = files.entrySet().stream().filter(file -> file.getKey().endsWith("pom.xml"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        Map<String, String> readmePlugins = ProjectFiles.pluginVersions(ProjectFiles.pom(pom, "the README's pom.xml"));
        Map<String, String> buildPlugins = ProjectFiles.pluginVersions(ProjectFiles.pom(ProjectFiles.root().resolve("pom.xml")));
        assertFalse(readmePlugins.isEmpty(), "the README's pom.xml pins no plugin version");
        readmePlugins.forEach((plugin, version) -> assertEquals(buildPlugins.get(plugin), version,
                plugin + ": the README's project would need what this build never downloads"));
    }

    private static ReadmeSection readme() {
        return ReadmeSection.of(ProjectFiles.read(ProjectFiles.root().resolve("README.md")), SECTION);
    }

    /**
     * One request of the README and the comment after it: the whole body when the comment is JSON,
     * else the status the comment starts with (200 when it starts with none), and the problem media
     * type when the comment says {@code problem+json}.
     */
    private record Curl(String path, String expectation) {
        void check(HttpResponse<String> response) {
            String where = "GET " + path + " (README: '" + expectation + "')";
            Matcher status = STATUS.matcher(expectation);
            if (expectation.startsWith("{")) {
                assertEquals(200, response.statusCode(), where);
                assertEquals(expectation, response.body(), where);
            } else {
                assertEquals(status.matches() ? Integer.parseInt(status.group(1)) : 200, response.statusCode(), where);
            }
            if (expectation.contains("problem+json")) {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), where);
            }
        }
    }

    /** Writes the section's files under the temporary folder; returns the folder of its pom.xml. */
    private Path writeFiles(Map<String, String> files) throws IOException {
        Path pom = null;
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = temp.resolve("work").resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            if (path.getFileName().toString().equals("pom.xml")) {
                pom = path;
            }
        }
        assertTrue(pom != null, "the section shows no pom.xml; it shows " + files.keySet());
        assertTrue(files.keySet().stream().anyMatch(name -> name.endsWith(".java")), "the section shows no Java file");
        return pom.getParent();
    }

    /**
     * The README's command, run by this build's Maven, with settings that make the local repository
     * of this build a mirror of every remote. The environment's {@code SERVER_PORT=0}, read by the
     * README's {@code .config()}, makes the application take a free port, which it prints.
     */
    private List<String> mavenCommand(String readmeCommand, Path repository) throws IOException {
        Path settings = Files.writeString(temp.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>this-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(buildRepository().toUri()));
        Path globalSettings = Files.writeString(temp.resolve("global-settings.xml"), "<settings/>\n");
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        String[] words = readmeCommand.replaceFirst("\\s#.*", "").trim().split("\\s+");
        command.addAll(Arrays.asList(words).subList(1, words.length));
        command.addAll(List.of("-s", settings.toString(), "-gs", globalSettings.toString(),
                "-Dmaven.repo.local=" + repository));
        return command;
    }

    private static Path buildRepository() {
        String configured = System.getProperty("spur.maven.repository");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String mavenExecutable() {
        String home = System.getProperty("spur.maven.home");
        String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        return home == null ? name : Path.of(home, "bin", name).toString();
    }

    /** Reads Maven's output into {@code output}; completes with the port once the application prints its URL. */
    private static CompletableFuture<Integer> listeningPort(Process maven, StringBuilder output) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("Maven ended with exit code " + maven.waitFor()));
            } catch (IOException | InterruptedException e) {
                port.completeExceptionally(e);
            }
        });
        return port;
    }

    /** Stops the application and then Maven (killing Maven alone would leave the application running). */
    private static void stop(Process maven) throws InterruptedException {
        List<ProcessHandle> tree = maven.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        maven.destroy();
        if (!maven.waitFor(20, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    private static String text(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }

    private static <T> T only(List<T> found, String what) {
        assertEquals(1, found.size(), "the section should hold exactly one " + what + ": " + found);
        return found.get(0);
    }
}
