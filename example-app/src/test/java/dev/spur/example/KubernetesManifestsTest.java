package dev.spur.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.example.db.Database;
import dev.spur.example.db.DatabaseSettings;
import dev.spur.example.layers.WriteAccess;
import dev.spur.runtime.SpurServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests of the split example app say what the app really does: their container
 * ports are the ports the app listens on, their probes are paths it answers, their environment is
 * configuration it accepts (the same settings start it and connect the gateway to the audit
 * service), the gateway's binding points at the audit Service, and only the gateway's public port
 * and the audit's internal port are exposed.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(K8S.resolve(file))) {
            for (Object document : new Yaml().loadAll(reader)) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertTrue(value instanceof List, "not a list: " + value);
        return (List<Object>) value;
    }

    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            node = map(node.get(key));
        }
        return node;
    }

    private static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(at(deployment, "spec", "template", "spec").get("containers")).getFirst());
    }

    /** Container port numbers by name. */
    private static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        list(container.get("ports")).forEach(p -> ports.put((String) map(p).get("name"),
                (Integer) map(p).get("containerPort")));
        return ports;
    }

    /** The environment: plain values as they are, secrets as {@code secret:<key>}. */
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> variable = map(item);
            String name = (String) variable.get("name");
            if (variable.containsKey("value")) {
                env.put(name, String.valueOf(variable.get("value")));
            } else {
                env.put(name, "secret:" + at(variable, "valueFrom", "secretKeyRef").get("key"));
            }
        }
        return env;
    }

    /**
     * The configuration the app sees from {@code env}, by Helidon's rule for environment variables
     * ({@code SERVER_INTERNAL_PORT} is {@code server.internal.port}), secrets replaced by {@code secrets}.
     */
    private static Config config(Map<String, String> env, Map<String, String> secrets) {
        Map<String, String> keys = new LinkedHashMap<>();
        env.forEach((name, value) -> keys.put(name.toLowerCase(Locale.ROOT).replace('_', '.'),
                value.startsWith("secret:") ? secrets.get(value.substring("secret:".length())) : value));
        return Config.just(ConfigSources.create(keys));
    }

    private static Map<String, String> secrets() throws IOException {
        Map<String, Object> secret = ofKind(documents("secret.example.yaml"), "Secret");
        Map<String, String> values = new LinkedHashMap<>();
        at(secret, "stringData").forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    private static Map<String, Object> applicationYaml() throws IOException {
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/application.yaml")) {
            assertNotNull(in, "application.yaml");
            return map(new Yaml().load(in));
        }
    }

    @Test
    void portsServicesAndSecretsAgreeWithTheApp() throws IOException {
        Map<String, Object> server = at(applicationYaml(), "server");
        int port = (Integer) server.get("port");
        int admin = (Integer) at(server, "listeners").get("admin");
        List<Map<String, Object>> gateway = documents("gateway.yaml");
        List<Map<String, Object>> audit = documents("audit.yaml");
        Map<String, Object> gatewayContainer = container(ofKind(gateway, "Deployment"));
        Map<String, Object> auditContainer = container(ofKind(audit, "Deployment"));
        assertEquals(Map.of("http", port, "admin", admin), ports(gatewayContainer));
        Map<String, String> auditEnv = env(auditContainer);
        assertEquals(Map.of("http", port, "internal", Integer.parseInt(auditEnv.get("SERVER_INTERNAL_PORT"))),
                ports(auditContainer));
        // each Service exposes exactly one port, by a name its Deployment's container has
        Map<String, Object> gatewayService = ofKind(gateway, "Service");
        Map<String, Object> auditService = ofKind(audit, "Service");
        assertEquals(List.of("http"), list(at(gatewayService, "spec").get("ports")).stream()
                .map(p -> map(p).get("targetPort")).toList(), "the gateway exposes its public port only");
        assertEquals(List.of("internal"), list(at(auditService, "spec").get("ports")).stream()
                .map(p -> map(p).get("targetPort")).toList(), "the audit service exposes its internal port only");
        assertEquals("ClusterIP", at(auditService, "spec").get("type"));
        // the gateway's binding goes to the audit Service's port
        URI binding = URI.create(env(gatewayContainer).get("SERVER_BINDINGS_AUDIT_URI"));
        assertEquals(at(auditService, "metadata").get("name"), binding.getHost());
        assertEquals(map(list(at(auditService, "spec").get("ports")).getFirst()).get("port"), binding.getPort());
        // both take the credential from one secret key, and every secret key they use exists
        Set<String> keys = secrets().keySet();
        for (Map<String, Object> container : List.of(gatewayContainer, auditContainer)) {
            Map<String, String> env = env(container);
            assertEquals("secret:credential", env.get("SERVER_INTERNAL_CREDENTIAL"));
            env.values().stream().filter(v -> v.startsWith("secret:"))
                    .forEach(v -> assertTrue(keys.contains(v.substring(7)), v));
        }
    }

    @Test
    void theManifestsSettingsStartBothServicesWhoseProbesAnswer() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>(secrets());
        Map<String, Object> auditContainer = container(ofKind(documents("audit.yaml"), "Deployment"));
        Map<String, Object> gatewayContainer = container(ofKind(documents("gateway.yaml"), "Deployment"));
        Config auditConfig = config(env(auditContainer), secrets);
        Map<String, String> gatewayEnv = env(gatewayContainer);
        gatewayEnv.put("DB_URL", "jdbc:h2:mem:k8s;DB_CLOSE_DELAY=-1");   // no PostgreSQL here
        Config gatewayConfig = config(gatewayEnv, secrets);
        assertFalse(Main.runs(auditConfig.get("server.services"), "gateway"));
        assertTrue(Main.runs(gatewayConfig.get("server.services"), "gateway"));
        // the manifests' settings, then free loopback ports instead of the fixed ones
        try (SpurServer audit = Main.auditOnly().config(auditConfig.get("server")).host("127.0.0.1").port(0)
                .internalListener(0, secrets.get("credential")).start()) {
            Database db = Database.start(DatabaseSettings.from(gatewayConfig.get("db")));
            try (SpurServer gateway = Main.builder(db, WriteAccess.token(secrets.get("api-token")))
                    .config(gatewayConfig.get("server")).host("127.0.0.1").port(0).listener("admin", 0)
                    .binding("audit", URI.create("http://127.0.0.1:" + audit.port(SpurServer.INTERNAL_LISTENER)))
                    .start()) {
                for (Map.Entry<Map<String, Object>, SpurServer> pod : Map.of(auditContainer, audit,
                        gatewayContainer, gateway).entrySet()) {
                    for (String probe : List.of("readinessProbe", "livenessProbe")) {
                        Map<String, Object> httpGet = at(pod.getKey(), probe, "httpGet");
                        assertEquals("http", httpGet.get("port"), "probes use the public listener");
                        HttpResponse<String> answer = get(pod.getValue().port(), (String) httpGet.get("path"), Map.of());
                        assertEquals(200, answer.statusCode(), probe + " " + httpGet + " " + answer.body());
                    }
                }
                HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway.port() + "/bookmarks"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + secrets.get("api-token"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://k8s.example\",\"title\":\"K\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, created.statusCode(), created.body());
                HttpResponse<String> history = get(gateway.port(), "/bookmarks/1/history", Map.of());
                assertTrue(history.body().contains("\"action\":\"created\""), history.body());
            } finally {
                db.close();
            }
        }
    }

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
