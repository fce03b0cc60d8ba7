package dev.spur.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.RouteInfo;
import dev.spur.runtime.internal.Failures;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final RouteInfo ITEM = new RouteInfo("GET", "/items/{id}", "Api.item", List.of("id"),
            new int[] {1}, false, "", "");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AccessLog log = new AccessLog(lines::add);

    @Test
    void aRefusedRequestIsLoggedWithItsTemplateAndRealStatus() {
        BearerAuth auth = BearerAuth.token("t0ken");
        Exchange exchange = Exchange.request("GET", "/items/42").header("X-Request-Id", "rid-1").build();
        new RequestId().handle(exchange, outer -> log.handle(outer, e -> {
            e.routed(ITEM);
            auth.handle(e, inner -> inner.respond(200, null, null));
        }));
        assertEquals(1, lines.size());
        String line = lines.getFirst();
        assertTrue(Pattern.matches(
                "GET /items/42 route=/items/\\{id} status=401 duration_ms=\\d+\\.\\d{3} request_id=rid-1", line), line);
    }

    @Test
    void aFailedHandlerIsLoggedAs500() {
        Exchange exchange = Exchange.request("GET", "/items/%7E7?full=true").build();
        log.handle(exchange, e -> {
            e.routed(ITEM);
            Failures.answer(e, new IllegalStateException("boom"));
        });
        String line = lines.getFirst();
        assertTrue(line.startsWith("GET /items/%7E7 route=/items/{id} status=500 duration_ms="), line);
        assertTrue(line.endsWith(" request_id=-"), line);
    }

    @Test
    void anUnroutedRequestHasNoTemplate() {
        Exchange exchange = Exchange.request("DELETE", "/nope").build();
        log.handle(exchange, e -> e.respond(dev.spur.runtime.HttpProblem.notFound("No route.")));
        assertTrue(lines.getFirst().startsWith("DELETE /nope route=- status=404 "), lines.getFirst());
    }

    @Test
    void theDurationIsInMilliseconds() {
        Exchange exchange = Exchange.request("GET", "/").build();
        exchange.respond(200, null, null);
        assertTrue(AccessLog.line(exchange, 1_234_567_000L).contains(" duration_ms=1234.567 "));
        assertTrue(AccessLog.line(exchange, 5_000L).contains(" duration_ms=0.005 "));
    }
}
