package dev.spur.tests.e2e;

import static dev.spur.tests.e2e.E2e.assertExactProblem;
import static dev.spur.tests.e2e.E2e.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spur.runtime.internal.Failures;
import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failing handler is a 500 problem that reveals nothing of the failure but a correlation id,
 * which the server's log carries beside the exception; the server goes on answering.
 */
class FailuresTest {

    private static final Logger FAILURES_LOG = Logger.getLogger(Failures.class.getName());
    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static SpurServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        FAILURES_LOG.addHandler(CAPTURE);
        FAILURES_LOG.setUseParentHandlers(false);
        server = E2e.serve(E2e.testRouter());
        http = RawHttp.local(server.port());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.stop();
        FAILURES_LOG.removeHandler(CAPTURE);
        FAILURES_LOG.setUseParentHandlers(true);
    }

    @Test
    void anUncheckedExceptionIsA500ThatRevealsNothing() throws IOException {
        RawHttp.Answer answer = http.send("GET", "/fail/runtime");
        String instance = assertOpaque500(answer);
        LogRecord record = loggedFor(instance);
        assertInstanceOf(RuntimeException.class, record.getThrown());
        assertEquals("secret", record.getThrown().getMessage());
    }

    @Test
    void aCheckedExceptionIsA500ThatRevealsNothing() throws IOException {
        String instance = assertOpaque500(http.send("GET", "/fail/checked"));
        assertInstanceOf(IOException.class, loggedFor(instance).getThrown());
    }

    @Test
    void aThrowableThatIsNoExceptionIsA500ThatRevealsNothing() throws IOException {
        String instance = assertOpaque500(http.send("GET", "/fail/throwable"));
        Throwable logged = loggedFor(instance).getThrown();
        assertInstanceOf(FailureHandlers.Oddity.class, logged, logged::toString);
    }

    @Test
    void aStackOverflowIsA500AndTheServerGoesOn() throws IOException {
        String instance = assertOpaque500(http.send("GET", "/fail/overflow"));
        assertInstanceOf(StackOverflowError.class, loggedFor(instance).getThrown());
        RawHttp.Answer next = http.send("GET", "/greet/again");
        assertEquals(200, next.status());
        assertEquals("Hello, again!", next.text());
    }

    @Test
    void everyFailureGetsItsOwnCorrelationId() throws IOException {
        String first = assertOpaque500(http.send("GET", "/fail/runtime"));
        String second = assertOpaque500(http.send("GET", "/fail/runtime"));
        assertFalse(first.equals(second), first);
    }

    @Test
    void anHttpProblemThrownByAHandlerIsItsAnswer() throws IOException {
        JsonNode problem = assertExactProblem(http.send("POST", "/fail/problem"), 409, "It is already there.");
        assertEquals("Conflict", problem.get("title").asText());
        assertFalse(problem.has("instance"), problem::toString);
    }

    private static String assertOpaque500(RawHttp.Answer answer) {
        JsonNode problem = assertProblem(answer, 500, "instance id");
        String body = answer.text();
        assertFalse(body.contains("secret"), body);
        assertFalse(body.contains("Exception"), body);
        assertFalse(body.replace("Internal Server Error", "").contains("Error"), body);
        assertFalse(body.contains("at dev."), body);
        assertFalse(body.contains("java."), body);
        assertEquals("Internal Server Error", problem.get("title").asText());
        String instance = problem.path("instance").asText();
        assertTrue(instance.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), instance);
        return instance;
    }

    private static LogRecord loggedFor(String instance) {
        String id = instance.substring("urn:uuid:".length());
        return LOGGED.stream()
                .filter(r -> r.getMessage() != null && r.getMessage().contains(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log record names " + id));
    }
}
