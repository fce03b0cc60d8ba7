package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.RouteInfo;
import dev.spur.runtime.Router;
import io.helidon.http.HeaderNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A router that answers {@code GET} and {@code HEAD /openapi} with the OpenAPI document the Spur
 * processor wrote for {@code router} ({@code META-INF/spur/<router class>.openapi.json}), as JSON or,
 * for {@code ?format=yaml} or an {@code Accept} that prefers YAML, as YAML, with a
 * strong {@code ETag} and 304 for a matching {@code If-None-Match}, and hands every other request
 * to {@code router}. It sits inside the application layers, like any route. When the router has a
 * route of its own at exactly {@code /openapi}, or the processor wrote no document, it is not used.
 */
public final class OpenApiRouter implements Router {

    /** The path the document is served at. */
    public static final String PATH = "/openapi";

    private final Router router;
    private final byte[] document;
    private final String etag;
    private final byte[] yaml;
    private final String yamlEtag;

    private OpenApiRouter(Router router, byte[] document) {
        this.router = router;
        this.document = document;
        this.etag = "\"" + sha256(document) + "\"";
        this.yaml = yaml(document);
        this.yamlEtag = "\"" + sha256(yaml) + "\"";
    }

    /** The same document as YAML (block style, the JSON's key order), written once. */
    private static byte[] yaml(byte[] json) {
        try {
            Object tree = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
            org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
            options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            options.setWidth(120);
            return new org.yaml.snakeyaml.Yaml(options).dump(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
    }

    /** Whether the request asks for YAML: {@code ?format=yaml}, or an {@code Accept} naming a YAML type first. */
    private static boolean wantsYaml(Exchange exchange) {
        if (exchange.query().first("format").map("yaml"::equalsIgnoreCase).orElse(false)) {
            return true;
        }
        String accept = exchange.headers().first(HeaderNames.ACCEPT).orElse("").toLowerCase(java.util.Locale.ROOT);
        int yamlAt = firstOf(accept, "application/yaml", "application/x-yaml", "text/yaml");
        int jsonAt = firstOf(accept, "application/json", "*/*");
        return yamlAt >= 0 && (jsonAt < 0 || yamlAt < jsonAt);
    }

    private static int firstOf(String accept, String... types) {
        int first = -1;
        for (String type : types) {
            int at = accept.indexOf(type);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** {@code router} serving its document at {@link #PATH}, or {@code router} itself when it cannot. */
    public static Router around(Router router) {
        boolean own = router.routes().stream().map(RouteInfo::template).anyMatch(PATH::equals);
        if (own) {
            return router;
        }
        return document(router).<Router>map(bytes -> new OpenApiRouter(router, bytes)).orElse(router);
    }

    /** The document the processor wrote for {@code router}'s class, if it is on the class path. */
    public static Optional<byte[]> document(Router router) {
        Class<?> type = router.getClass();
        String name = "META-INF/spur/" + type.getName() + ".openapi.json";
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    @Override
    public void route(Exchange exchange) {
        String method = exchange.method();
        if (!exchange.rawPath().equals(PATH) || !method.equals("GET") && !method.equals("HEAD")) {
            router.route(exchange);
            return;
        }
        boolean asYaml = wantsYaml(exchange);
        String tag = asYaml ? yamlEtag : etag;
        exchange.responseHeaders().set(HeaderNames.ETAG, tag);
        exchange.responseHeaders().set(HeaderNames.VARY, "Accept");
        String match = exchange.headers().first(HeaderNames.IF_NONE_MATCH).orElse(null);
        if (match != null && (match.trim().equals("*")
                || List.of(match.split(",")).stream().map(String::trim).anyMatch(tag::equals))) {
            exchange.respond(304, null, null);
            return;
        }
        if (asYaml) {
            exchange.respond(200, "application/yaml", yaml);
        } else {
            exchange.respond(200, "application/json", document);
        }
    }

    @Override
    public List<RouteInfo> routes() {
        return router.routes();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
