package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The example app as two services: the public gateway reports every change to the private audit
 * service through its binding, in one process and split over two, and the audit service is never
 * reachable from the public listener. With the audit service down, a write is a 502 and changes
 * nothing: the transaction around it rolls back.
 */
class AuditServiceTest {

    private static final String TOKEN = "audit-test-token";
    private static final String CREDENTIAL = "audit-test-credential-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static Database database() {
        return Database.start(DatabaseSettings.of("jdbc:h2:mem:audit" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1"));
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + TOKEN);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates, replaces and deletes a bookmark, then checks its history as the gateway tells it. */
    private static void changesAreAudited(int gatewayPort) throws Exception {
        HttpResponse<String> created = send(gatewayPort, "POST", "/bookmarks",
                "{\"url\":\"https://helidon.io\",\"title\":\"Helidon\"}", "X-Request-Id", "rid-create");
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).path("id").asLong();
        assertEquals(200, send(gatewayPort, "PUT", "/bookmarks/" + id,
                "{\"url\":\"https://helidon.io\",\"title\":\"Helidon 4\"}", "X-Request-Id", "rid-replace").statusCode());
        assertEquals(204, send(gatewayPort, "DELETE", "/bookmarks/" + id, null, "X-Request-Id", "rid-delete")
                .statusCode());
        HttpResponse<String> history = send(gatewayPort, "GET", "/bookmarks/" + id + "/history", null);
        assertEquals(200, history.statusCode(), history.body());
        JsonNode entries = JSON.readTree(history.body());
        assertEquals(List.of("created", "replaced", "deleted"), entries.findValuesAsText("action"));
        assertEquals(List.of("rid-create", "rid-replace", "rid-delete"), entries.findValuesAsText("requestId"),
                "each entry carries the id of the request that caused it");
    }

    @Test
    void inOneProcessEveryChangeIsAuditedAndTheAuditServiceIsPrivate() throws Exception {
        Database db = database();
        try (SpurServer app = Main.builder(db, WriteAccess.token(TOKEN)).host("127.0.0.1").port(0)
                .listener("admin", 0).internalListener(0, CREDENTIAL).start()) {
            changesAreAudited(app.port());
            for (String path : List.of("/audit/events", "/%61udit/events", "/audit/events/", "//audit/events")) {
                HttpResponse<String> hidden = send(app.port(), "GET", path, null, "Spur-Credential", CREDENTIAL);
                assertEquals(404, hidden.statusCode(), path + " " + hidden.body());
                assertEquals(404, send(app.port("admin"), "GET", path, null).statusCode(), path);
            }
            assertEquals(404, send(app.port(), "POST", "/audit/events", "{\"bookmark\":1,\"action\":\"deleted\"}")
                    .statusCode());
            assertEquals(401, send(app.port(SpurServer.INTERNAL_LISTENER), "GET", "/audit/events", null).statusCode());
            HttpResponse<String> internal = send(app.port(SpurServer.INTERNAL_LISTENER), "GET", "/audit/events", null,
                    "Spur-Credential", CREDENTIAL);
            assertEquals(200, internal.statusCode());
            assertEquals(3, JSON.readTree(internal.body()).size());
        } finally {
            db.close();
        }
    }

    @Test
    void splitOverTwoProcessesTheGatewayCallsTheAuditServiceOverHttp() throws Exception {
        Database db = database();
        try (SpurServer audit = Main.auditOnly().host("127.0.0.1").port(0).listener("admin", 0).services("audit")
                .internalListener(0, CREDENTIAL).start();
                SpurServer gateway = Main.builder(db, WriteAccess.token(TOKEN)).host("127.0.0.1").port(0)
                        .listener("admin", 0).services("gateway")
                        .binding("audit", URI.create("http://127.0.0.1:" + audit.port(SpurServer.INTERNAL_LISTENER)))
                        .internalCredential(CREDENTIAL).start()) {
            changesAreAudited(gateway.port());
            assertEquals(404, send(gateway.port(), "GET", "/audit/events", null).statusCode());
            assertEquals(404, send(audit.port(), "GET", "/audit/events", null).statusCode());
            assertEquals(404, send(audit.port(), "GET", "/bookmarks", null).statusCode(),
                    "the audit process does not serve the gateway");
        } finally {
            db.close();
        }
    }

    @Test
    void withTheAuditServiceDownAWriteIsA502AndChangesNothing() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Database db = database();
        try (SpurServer gateway = Main.builder(db, WriteAccess.token(TOKEN)).host("127.0.0.1").port(0)
                .listener("admin", 0).services("gateway")
                .binding("audit", URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(2))
                .internalCredential(CREDENTIAL).start()) {
            HttpResponse<String> refused = send(gateway.port(), "POST", "/bookmarks",
                    "{\"url\":\"https://a.example\",\"title\":\"A\"}");
            assertEquals(502, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            HttpResponse<String> list = send(gateway.port(), "GET", "/bookmarks", null);
            assertEquals(0, JSON.readTree(list.body()).path("total").asInt(), "the write was rolled back: " + list.body());
        } finally {
            db.close();
        }
    }
}
