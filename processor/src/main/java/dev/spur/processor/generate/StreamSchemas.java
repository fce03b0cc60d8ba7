package dev.spur.processor.generate;

import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.RouteModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The OpenAPI description of streamed parameters: multipart and raw request bodies, Server-Sent Events answers. */
final class StreamSchemas {

    private StreamSchemas() {
    }

    /** The request body a streamed parameter reads ({@code consumes} are the route's declared types), if it reads one. */
    static Optional<Map<String, Object>> requestBody(ParamModel.Streamed param, List<String> consumes) {
        Map<String, Object> schema = new LinkedHashMap<>();
        List<String> types;
        switch (param.kind()) {
            case MULTIPART -> {
                schema.put("type", "object");
                schema.put("description", "Parts read in order as they arrive; a file part's content is streamed. "
                        + "At most " + param.limits().maxParts() + " parts of at most "
                        + param.limits().maxPartSize() + " bytes each.");
                schema.put("additionalProperties", Map.of("type", "string", "contentMediaType",
                        "application/octet-stream"));
                types = consumes.isEmpty() ? List.of("multipart/form-data") : consumes;
            }
            case BODY -> {
                schema.put("type", "string");
                schema.put("contentMediaType", "application/octet-stream");
                types = consumes.isEmpty() ? List.of("application/octet-stream") : consumes;
            }
            default -> {
                return Optional.empty();
            }
        }
        Map<String, Object> content = new TreeMap<>();
        for (String type : types) {
            content.put(type, Map.of("schema", schema));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("required", true);
        body.put("content", content);
        return Optional.of(body);
    }

    /** Replaces the 204 of a route that answers through an {@code SseSink} with its 200 event stream. */
    static void events(RouteModel route, Map<String, Object> responses) {
        boolean events = route.params().stream().anyMatch(p -> p instanceof ParamModel.Streamed s
                && s.kind() == ParamModel.StreamKind.EVENTS);
        if (!events) {
            return;
        }
        responses.remove("204");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        schema.put("description", "Server-Sent Events (text/event-stream), sent as the handler emits them");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("description", "OK, an event stream");
        answer.put("content", Map.of("text/event-stream", Map.of("schema", schema)));
        responses.put("200", answer);
    }
}
