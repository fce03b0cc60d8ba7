package dev.spur.processor.generate;

import dev.spur.processor.model.ParamModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The OpenAPI description of named parameters: a query, header or cookie parameter object, and the
 * {@code application/x-www-form-urlencoded} request body of a route's {@code @Form} fields.
 */
final class ParameterSchemas {

    static final String FORM = "application/x-www-form-urlencoded";

    private ParameterSchemas() {
    }

    /** Whether a client must send {@code named}: a single value without a default. */
    static boolean required(ParamModel.Named named) {
        return named.arity() == ParamModel.Arity.ONE && named.defaultValue() == null;
    }

    /**
     * The parameter object of a query parameter, header or cookie with {@code schema}; a list is
     * sent as repeated {@code name=value} pairs (query, cookie: {@code style: form, explode: true})
     * or as one comma-separated header ({@code style: simple}).
     */
    static Map<String, Object> parameter(ParamModel.Named named, Map<String, Object> schema) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", named.key());
        parameter.put("in", named.source().name().toLowerCase(java.util.Locale.ROOT));
        parameter.put("required", required(named));
        if (named.many()) {
            parameter.put("style", named.header() ? "simple" : "form");
            parameter.put("explode", !named.header());
        }
        parameter.put("schema", schema);
        return parameter;
    }

    /**
     * The request body of a route's form fields: an object with a property per field (in the order
     * the handler takes them), those without default or {@code Optional} required, lists as repeated
     * fields.
     */
    static Map<String, Object> formBody(List<ParamModel.Named> fields,
                                        Function<ParamModel.Named, Map<String, Object>> schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        Map<String, Object> encoding = new TreeMap<>();
        for (ParamModel.Named field : fields) {
            properties.put(field.key(), schemas.apply(field));
            if (required(field) && !required.contains(field.key())) {
                required.add(field.key());
            }
            if (field.many()) {
                encoding.put(field.key(), Map.of("style", "form", "explode", true));
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("schema", schema);
        if (!encoding.isEmpty()) {
            media.put("encoding", encoding);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("required", !required.isEmpty());
        body.put("content", Map.of(FORM, media));
        return body;
    }
}
