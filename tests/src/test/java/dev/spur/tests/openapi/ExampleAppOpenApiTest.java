package dev.spur.tests.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.spur.example.Main;
import dev.spur.runtime.SpurServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example app's served OpenAPI document is a valid OpenAPI 3.1 document (swagger-parser), and
 * true: driven only by the document, every operation gets a valid request and invalid ones (a
 * malformed parameter, a missing required one, a wrong content type, a malformed body, no token, an
 * unserved method), and every status the app really answers must be declared for the operation,
 * every body valid (JSON Schema 2020-12, networknt) against the schema declared for its media type.
 */
class ExampleAppOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SpurServer server;
    private static HttpClient client;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        server = Main.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> served = send("GET", "/openapi", Map.of(), null);
        assertEquals(200, served.statusCode());
        assertEquals("application/json", served.headers().firstValue("Content-Type").orElseThrow());
        document = JSON.readTree(served.body());
        // a little data, so valid requests can reach the handlers' 2xx answers
        send("POST", "/bookmarks", Map.of("Content-Type", "application/json", "Authorization", token()),
                "{\"url\":\"https://spur.dev/a\",\"title\":\"A\",\"tags\":[\"spur\"]}".getBytes(StandardCharsets.UTF_8));
        send("POST", "/bookmarks/1/notes", Map.of("Content-Type", "text/plain", "Authorization", token()),
                "a note".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String token() {
        return "Bearer " + Main.DEFAULT_TOKEN;
    }

    @Test
    void theServedDocumentIsValidOpenApi31() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(document), null, options);
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getPaths().size() > 10);
    }

    @Test
    void theDocumentHasAnEtagAndHead() throws Exception {
        HttpResponse<byte[]> first = send("GET", "/openapi", Map.of(), null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", "/openapi", Map.of("If-None-Match", etag), null).statusCode());
        HttpResponse<byte[]> head = send("HEAD", "/openapi", Map.of(), null);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void theSameDocumentIsServedAsYamlOnRequest() throws Exception {
        for (Map<String, String> headers : List.of(Map.of("Accept", "application/yaml"),
                Map.of("Accept", "application/yaml, application/json;q=0.5"))) {
            HttpResponse<byte[]> yaml = send("GET", "/openapi", headers, null);
            assertEquals(200, yaml.statusCode());
            assertEquals("application/yaml", yaml.headers().firstValue("Content-Type").orElseThrow());
            Object parsed = new org.yaml.snakeyaml.Yaml().load(new String(yaml.body(), StandardCharsets.UTF_8));
            assertEquals(document, JSON.valueToTree(parsed), "the YAML says what the JSON says");
            String etag = yaml.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, send("GET", "/openapi", Map.of("Accept", "application/yaml", "If-None-Match", etag), null)
                    .statusCode());
        }
        HttpResponse<byte[]> byQuery = send("GET", "/openapi?format=yaml", Map.of(), null);
        assertEquals("application/yaml", byQuery.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> json = send("GET", "/openapi", Map.of("Accept", "application/json, application/yaml"), null);
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Accept", json.headers().firstValue("Vary").orElseThrow());
    }

    @Test
    void everyRealAnswerIsDeclared() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (Probe probe : probes(path.getKey(), op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue())) {
                    HttpResponse<byte[]> answer = send(probe.method, probe.target, probe.headers, probe.body);
                    checked++;
                    String where = probe.method + " " + probe.target + " (" + probe.what + ")";
                    JsonNode declared = op.getValue().get("responses").get(Integer.toString(answer.statusCode()));
                    if (declared == null) {
                        declared = op.getValue().get("responses").get("default");
                    }
                    if (declared == null) {
                        failures.add(where + ": answered " + answer.statusCode() + ", not declared; body "
                                + new String(answer.body(), StandardCharsets.UTF_8));
                        continue;
                    }
                    failures.addAll(checkBody(where, answer, declared));
                }
            }
        }
        assertTrue(checked > 50, "requests sent: " + checked);
        assertEquals(List.of(), failures, () -> String.join("\n", failures));
    }

    private static List<String> checkBody(String where, HttpResponse<byte[]> answer, JsonNode declared)
            throws IOException {
        JsonNode content = declared.get("content");
        if (content == null || answer.body().length == 0 || answer.request().method().equals("HEAD")) {
            return List.of();
        }
        String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode media = content.get(type);
        if (media == null) {
            return List.of(where + ": " + answer.statusCode() + " is " + type + ", declared " + names(content));
        }
        if (!type.endsWith("json")) {
            return List.of();
        }
        ObjectNode schema = ((ObjectNode) media.get("schema")).deepCopy();
        schema.set("components", document.get("components"));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        Set<ValidationMessage> messages = validator.validate(JSON.readTree(answer.body()));
        return messages.isEmpty() ? List.of()
                : List.of(where + ": body " + new String(answer.body(), StandardCharsets.UTF_8) + " breaks its schema: "
                        + messages);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One request to send. */
    record Probe(String what, String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** A valid request and the invalid ones the operation's description allows to derive. */
    private static List<Probe> probes(String template, String method, JsonNode op) {
        List<Probe> probes = new ArrayList<>();
        JsonNode parameters = op.path("parameters");
        boolean secured = op.has("security");
        JsonNode requestBody = op.get("requestBody");
        String bodyType = requestBody == null ? null : requestBody.get("content").fieldNames().next();
        byte[] body = requestBody == null ? null : validBody(bodyType, requestBody.get("content").get(bodyType).get("schema"));

        probes.add(probe("valid", method, template, parameters, null, null, secured, bodyType, body));
        for (JsonNode parameter : parameters) {
            String type = resolve(parameter.get("schema")).path("type").asText();
            String name = parameter.get("name").asText();
            if (type.equals("integer") || type.equals("number") || type.equals("boolean")
                    || parameter.get("schema").has("enum") || resolve(parameter.get("schema")).has("format")) {
                probes.add(probe("malformed " + name, method, template, parameters, name, "x~y", secured, bodyType, body));
            }
            if (parameter.get("required").asBoolean() && !parameter.get("in").asText().equals("path")) {
                probes.add(probe("missing " + name, method, template, parameters, name, null, secured, bodyType, body));
            }
        }
        if (secured) {
            probes.add(probe("no token", method, template, parameters, null, null, false, bodyType, body));
        }
        if (requestBody != null) {
            probes.add(probe("wrong content type", method, template, parameters, null, null, secured,
                    "application/x-unknown", body));
            probes.add(probe("malformed body", method, template, parameters, null, null, secured, bodyType,
                    "{\"unclosed\": [".getBytes(StandardCharsets.UTF_8)));
        }
        probes.add(probe("unserved method", "PATCH".equals(method) ? "TRACE" : "PATCH", template, parameters,
                null, null, secured, null, null));
        return probes;
    }

    private static Probe probe(String what, String method, String template, JsonNode parameters, String changed,
                               String changedValue, boolean token, String bodyType, byte[] body) {
        String target = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new java.util.TreeMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            boolean isChanged = name.equals(changed);
            if (!isChanged && !parameter.get("required").asBoolean() && !in.equals("path")) {
                continue;
            }
            if (isChanged && changedValue == null) {
                continue;
            }
            String value = isChanged ? changedValue : validValue(name, parameter.get("schema"));
            switch (in) {
                case "path" -> target = target.replace("{" + name + "}", value);
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
                default -> headers.put(name, value);
            }
        }
        if (token) {
            headers.put("Authorization", token());
        }
        if (bodyType != null) {
            headers.put("Content-Type", bodyType);
        }
        return new Probe(what, method, target + query, headers, body);
    }

    private static String validValue(String name, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0).asText();
        }
        return switch (resolved.path("type").asText()) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "uuid".equals(resolved.path("format").asText()) ? "5f0f4a52-7d8e-4f2b-9a3c-0a1b2c3d4e5f" : "spur";
        };
    }

    private static byte[] validBody(String type, JsonNode schema) {
        if (!type.endsWith("json")) {
            return "some text".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(example(schema));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int urls;

    /** A value valid for {@code schema}; a string property named {@code url} is an absolute URL. */
    private static JsonNode example(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (resolved.has("anyOf")) {
            return example(resolved.get("anyOf").get(0));
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        JsonNode typeNode = resolved.path("type");
        String type = typeNode.isArray() ? typeNode.get(0).asText() : typeNode.asText();
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode value = example(property.getValue());
                    if (property.getKey().equals("url")) {
                        value = nodes.textNode("https://spur.dev/example/" + (++urls));
                    }
                    object.set(property.getKey(), value);
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(example(resolved.path("items")));
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(1);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                return nodes.textNode("spur");
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asText().substring("#/components/schemas/".length());
        return document.get("components").get("schemas").get(name);
    }

    private static HttpResponse<byte[]> send(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
