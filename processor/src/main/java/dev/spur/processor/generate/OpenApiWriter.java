package dev.spur.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.KnownType;
import dev.spur.processor.model.MatchModel;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.ResultKind;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.Segment;
import dev.spur.processor.model.ValueType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the OpenAPI 3.1 document of a router ({@code META-INF/spur/<router>.openapi.json}) from
 * its model: paths, operations, parameters, bodies as JSON Schema, and every answer a route can
 * give, the router's own problems and the {@code @Answer}s of handlers and layers included. Maps
 * are sorted, so the document is the same for the same sources.
 */
public final class OpenApiWriter {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private final RouterModel model;
    private final Elements elements;
    private final Types types;
    private final Map<String, Object> schemas = new TreeMap<>();
    private boolean bearerUsed;

    private OpenApiWriter(RouterModel model, Elements elements, Types types) {
        this.model = model;
        this.elements = elements;
        this.types = types;
    }

    /** The resource's path under the class output. */
    public static String resourceName(RouterModel model) {
        return "META-INF/spur/" + model.name().canonicalName() + ".openapi.json";
    }

    /** The document's JSON text. */
    public static String write(RouterModel model, Elements elements, Types types) {
        return Json.write(new OpenApiWriter(model, elements, types).document()) + "\n";
    }

    private Map<String, Object> document() {
        Map<String, Object> paths = new TreeMap<>();
        for (RouteModel route : model.routes()) {
            if (model.serviceOf(route).isPrivate()) {
                // a private service's routes answer only the application's own services: not public API
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path(route), p -> new TreeMap<>());
            String method = route.httpMethod().toLowerCase(java.util.Locale.ROOT);
            if (!OPERATION_METHODS.contains(method)) {
                continue;
            }
            Map<String, Object> operation = operation(route);
            @SuppressWarnings("unchecked")
            Map<String, Object> earlier = (Map<String, Object>) item.get(method);
            if (earlier == null) {
                item.put(method, operation);
            } else {
                merge(earlier, operation);
            }
        }
        schemas.put("Problem", problemSchema());
        Map<String, Object> components = new TreeMap<>();
        components.put("schemas", schemas);
        if (bearerUsed) {
            components.put("securitySchemes", Map.of("bearer", ordered("type", "http", "scheme", "bearer")));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", ordered("title", model.name().simpleName(), "version", "1"));
        doc.put("paths", paths);
        doc.put("components", components);
        return doc;
    }

    /**
     * Folds {@code later} into {@code earlier}, both operations of one method and path (routes
     * told apart by their conditions): parameters and answers of both, the content of each answer
     * under every media type either gives, any of either schema where both give one type.
     */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> earlier, Map<String, Object> later) {
        List<Object> parameters = new ArrayList<>((List<Object>) earlier.getOrDefault("parameters", List.of()));
        for (Object parameter : (List<Object>) later.getOrDefault("parameters", List.of())) {
            Map<String, Object> p = (Map<String, Object>) parameter;
            boolean known = parameters.stream().map(q -> (Map<String, Object>) q)
                    .anyMatch(q -> q.get("name").equals(p.get("name")) && q.get("in").equals(p.get("in")));
            if (!known) {
                Map<String, Object> copy = new LinkedHashMap<>(p);
                if (!"path".equals(p.get("in"))) {
                    copy.put("required", false);
                }
                parameters.add(copy);
            }
        }
        if (!parameters.isEmpty()) {
            earlier.put("parameters", parameters);
        }
        Map<String, Object> responses = (Map<String, Object>) earlier.get("responses");
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) later.get("responses")).entrySet()) {
            Map<String, Object> answer = (Map<String, Object>) entry.getValue();
            Map<String, Object> known = (Map<String, Object>) responses.get(entry.getKey());
            if (known == null) {
                responses.put(entry.getKey(), answer);
                continue;
            }
            Map<String, Object> content = (Map<String, Object>) answer.get("content");
            if (content == null) {
                continue;
            }
            Map<String, Object> merged = new TreeMap<>((Map<String, Object>) known.getOrDefault("content", Map.of()));
            for (Map.Entry<String, Object> media : content.entrySet()) {
                Object before = merged.get(media.getKey());
                if (before == null) {
                    merged.put(media.getKey(), media.getValue());
                } else if (!before.equals(media.getValue())) {
                    Object a = ((Map<String, Object>) before).get("schema");
                    Object b = ((Map<String, Object>) media.getValue()).get("schema");
                    merged.put(media.getKey(), ordered("schema", ordered("anyOf", List.of(a, b))));
                }
            }
            known.put("content", merged);
        }
    }

    private static final java.util.Set<String> OPERATION_METHODS =
            java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static String path(RouteModel route) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : route.template().segments()) {
            path.append('/').append(switch (segment) {
                case Segment.Literal l -> l.text();
                case Segment.Param p -> "{" + p.name() + "}";
                case Segment.CatchAll c -> "{" + c.name() + "}";
            });
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private Map<String, Object> operation(RouteModel route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", route.handler().type().simpleName() + "_" + route.handlerMethod()
                + (route.httpMethod().equals("GET") || isOnlyMethod(route) ? "" : "_" + route.httpMethod().toLowerCase(java.util.Locale.ROOT)));
        String doc = route.origin() == null ? null : elements.getDocComment(route.origin());
        if (doc != null && !doc.isBlank()) {
            String text = javadocText(doc);
            String summary = firstSentence(text);
            op.put("summary", summary);
            if (!text.equals(summary)) {
                op.put("description", text);
            }
        }
        List<Object> parameters = new ArrayList<>();
        Map<String, Object> responses = new TreeMap<>();
        boolean bodyRead = false;
        List<ParamModel.Named> formFields = new ArrayList<>();
        for (ParamModel param : route.params()) {
            switch (param) {
                case ParamModel.Path p -> {
                    Map<String, Object> schema = valueSchema(p.valueType(), p.type());
                    Map<String, Object> parameter = new LinkedHashMap<>();
                    parameter.put("name", p.name());
                    parameter.put("in", "path");
                    parameter.put("required", true);
                    if (p.catchAll()) {
                        parameter.put("description", "The rest of the path from this segment on, slashes included.");
                        parameter.put("allowReserved", true);
                    }
                    parameter.put("schema", schema);
                    parameters.add(parameter);
                    if (p.valueType() != ValueType.STRING) {
                        problem(responses, "400", "A parameter is malformed");
                    }
                }
                case ParamModel.Named n when n.source() == ParamModel.Source.FORM -> formFields.add(n);
                case ParamModel.Named n -> {
                    parameters.add(ParameterSchemas.parameter(n, namedSchema(n)));
                    // a single-valued query parameter or header sent twice is a 400 too (a cookie takes the first)
                    if (ParameterSchemas.required(n) || n.valueType() != ValueType.STRING
                            || !n.many() && n.source() != ParamModel.Source.COOKIE) {
                        problem(responses, "400", "A parameter is missing or malformed");
                    }
                }
                case ParamModel.FormRecord r -> formFields.addAll(r.fields());
                case ParamModel.Body b -> {
                    bodyRead = true;
                    Map<String, Object> content = new TreeMap<>();
                    Map<String, Object> schema = switch (b.kind()) {
                        case TEXT -> ordered("type", "string");
                        case BYTES -> ordered("type", "string", "contentMediaType", "application/octet-stream");
                        case JSON -> schema(mirror(b.type()));
                    };
                    List<String> media = media(route, true);
                    if (media.isEmpty()) {
                        media = List.of(switch (b.kind()) {
                            case TEXT -> "text/plain";
                            case BYTES -> "application/octet-stream";
                            case JSON -> "application/json";
                        });
                    }
                    for (String type : media) {
                        content.put(type, ordered("schema", schema));
                    }
                    op.put("requestBody", ordered("required", true, "content", content));
                    if (b.kind() == ParamModel.BodyKind.JSON) {
                        problem(responses, "400", "The body is malformed");
                    }
                }
                case ParamModel.Exchange e -> {
                }
                case ParamModel.Streamed streamed -> {
                    StreamSchemas.requestBody(streamed, media(route, true)).ifPresent(b -> op.put("requestBody", b));
                    bodyRead |= streamed.kind() != ParamModel.StreamKind.EVENTS;
                    if (streamed.kind() == ParamModel.StreamKind.MULTIPART) {
                        problem(responses, "400", "The multipart body is malformed");
                    }
                }
            }
        }
        if (!formFields.isEmpty()) {
            bodyRead = true;
            op.put("requestBody", ParameterSchemas.formBody(formFields, this::namedSchema));
            problem(responses, "400", "A form field is missing or malformed");
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        result(route, responses);
        StreamSchemas.events(route, responses);
        problem(responses, "404", "No route matches the path");
        problem(responses, "405", "The path does not answer the method");
        if (!media(route, false).isEmpty()) {
            problem(responses, "406", "None of the produced media types is acceptable");
        }
        if (bodyRead || !media(route, true).isEmpty()) {
            problem(responses, "413", "The body is too large");
            problem(responses, "415", "The body's media type is not accepted");
        }
        boolean bearer = declared(route, responses);
        op.put("responses", responses);
        if (bearer) {
            bearerUsed = true;
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        return op;
    }

    private boolean isOnlyMethod(RouteModel route) {
        return model.routes().stream().noneMatch(r -> r != route && r.handler().equals(route.handler())
                && r.handlerMethod().equals(route.handlerMethod()));
    }

    private void result(RouteModel route, Map<String, Object> responses) {
        List<String> produced = media(route, false);
        switch (route.result()) {
            case VOID -> responses.put("204", ordered("description", "Done, no content"));
            case TEXT -> responses.put("200", content("OK", produced, "text/plain", ordered("type", "string")));
            case BYTES -> responses.put("200", content("OK", produced, "application/octet-stream",
                    ordered("type", "string", "contentMediaType", "application/octet-stream")));
            case STREAM, WRITER -> responses.put("200", content("OK, streamed", produced, "application/octet-stream",
                    ordered("type", "string", "contentMediaType", "application/octet-stream")));
            case JSON -> responses.put("200", content("OK", produced, "application/json",
                    schema(mirror(route.valueType()))));
            case OPTIONAL -> responses.put("200", content("OK", produced, "application/json",
                    schema(mirror(route.valueType()))));
            case RESPONSE -> responses.put("default", ordered("description",
                    "The status, headers and body the handler's Response gives"));
        }
    }

    private static Map<String, Object> content(String description, List<String> produced, String fallback,
                                               Map<String, Object> schema) {
        Map<String, Object> content = new TreeMap<>();
        for (String type : produced.isEmpty() ? List.of(fallback) : produced) {
            content.put(type, ordered("schema", schema));
        }
        return ordered("description", description, "content", content);
    }

    /** The route's consumes ({@code consumes}) or produces media types, from non-negated {@code @Match}es. */
    private static List<String> media(RouteModel route, boolean consumes) {
        TreeSet<String> media = new TreeSet<>();
        for (List<MatchModel> clause : route.guard().clauses()) {
            for (MatchModel match : clause) {
                if (match.negate()) {
                    continue;
                }
                for (Condition condition : match.conditions()) {
                    if (consumes && condition instanceof Condition.Consumes c) {
                        media.addAll(c.ranges());
                    } else if (!consumes && condition instanceof Condition.Produces p) {
                        media.addAll(p.types());
                    }
                }
            }
        }
        return List.copyOf(media);
    }

    private static void problem(Map<String, Object> responses, String status, String description) {
        responses.putIfAbsent(status, ordered("description", description,
                "content", Map.of(PROBLEM, Map.of("schema", Map.of("$ref", PROBLEM_REF)))));
    }

    /** Adds the {@code @Answer}s of the route's method, class and layers; whether one is a bearer check. */
    private boolean declared(RouteModel route, Map<String, Object> responses) {
        List<Element> sources = new ArrayList<>();
        if (route.origin() != null) {
            sources.add(route.origin());
        }
        TypeElement handler = elements.getTypeElement(route.handler().type().canonicalName());
        if (handler != null) {
            sources.add(handler);
        }
        List<ClassName> layers = new ArrayList<>(model.applicationLayers());
        layers.addAll(route.layers());
        for (ClassName layer : layers) {
            TypeElement element = elements.getTypeElement(layer.canonicalName());
            if (element != null) {
                sources.add(element);
            }
        }
        boolean bearer = false;
        for (Element source : sources) {
            for (Answer answer : answers(source)) {
                String status = Integer.toString(answer.status);
                if (answer.status < 400) {
                    responses.remove("default");
                    responses.putIfAbsent(status, answer.body == null || answer.body.getKind() == TypeKind.VOID
                            ? ordered("description", answer.description)
                            : content(answer.description, List.of(answer.mediaType), answer.mediaType,
                                    schema(answer.body)));
                } else {
                    problem(responses, status, answer.description);
                }
                bearer |= answer.bearer;
            }
        }
        return bearer;
    }

    /** One {@code @Answer} as read from an element. */
    record Answer(int status, String description, boolean bearer, TypeMirror body, String mediaType) {
    }

    /** The {@code @Answer}s on {@code element}, direct or in their container. */
    static List<Answer> answers(Element element) {
        List<Answer> answers = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals("dev.spur.Answer")) {
                answers.add(answer(mirror));
            } else if (name.equals("dev.spur.Answer.List")) {
                for (var entry : mirror.getElementValues().entrySet()) {
                    @SuppressWarnings("unchecked")
                    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) entry.getValue().getValue();
                    for (AnnotationValue value : values) {
                        answers.add(answer((AnnotationMirror) value.getValue()));
                    }
                }
            }
        }
        return answers;
    }

    private static Answer answer(AnnotationMirror mirror) {
        int status = 0;
        String description = "";
        boolean bearer = false;
        TypeMirror body = null;
        String mediaType = "application/json";
        for (var entry : mirror.getElementValues().entrySet()) {
            switch (entry.getKey().getSimpleName().toString()) {
                case "status" -> status = (Integer) entry.getValue().getValue();
                case "description" -> description = (String) entry.getValue().getValue();
                case "bearer" -> bearer = (Boolean) entry.getValue().getValue();
                case "body" -> body = (TypeMirror) entry.getValue().getValue();
                case "mediaType" -> mediaType = (String) entry.getValue().getValue();
                default -> {
                }
            }
        }
        return new Answer(status, description, bearer, body, mediaType);
    }

    /** The schema of a named parameter's value, with its default; an array of them for a list or set. */
    private Map<String, Object> namedSchema(ParamModel.Named named) {
        Map<String, Object> schema = valueSchema(named.valueType(), named.type());
        if (named.defaultValue() != null) {
            schema.put("default", defaultValue(named.valueType(), named.defaultValue()));
        }
        if (!named.many()) {
            return schema;
        }
        Map<String, Object> array = ordered("type", "array", "items", schema);
        if (named.arity() == ParamModel.Arity.SET) {
            array.put("uniqueItems", true);
        }
        return array;
    }

    private static Object defaultValue(ValueType type, String text) {
        try {
            return switch (type) {
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> Boolean.parseBoolean(text);
                case DECIMAL -> new java.math.BigDecimal(text);
                case BIG_INTEGER -> new java.math.BigInteger(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private Map<String, Object> valueSchema(ValueType valueType, TypeName type) {
        return switch (valueType) {
            case STRING -> ordered("type", "string");
            case INT -> ordered("type", "integer", "format", "int32");
            case LONG -> ordered("type", "integer", "format", "int64");
            case DOUBLE -> ordered("type", "number", "format", "double");
            case BOOLEAN -> ordered("type", "boolean");
            case UUID -> ordered("type", "string", "format", "uuid");
            case DECIMAL -> ordered("type", "number", "format", "decimal");
            case BIG_INTEGER -> ordered("type", "integer");
            case VALUE_OF, OF, PARSE, FROM_STRING -> {
                // the type's own text form; the JDK's date, time and duration types have a standard format
                KnownType known = KnownType.of(type);
                yield known != null && known.format() != null ? ordered("type", "string", "format", known.format())
                        : ordered("type", "string");
            }
            case SAFE_PATH, FILE_PATH -> ordered("type", "string", "description",
                    "A relative path: no '..', '.', empty or hidden-dot-trailing segments, backslashes or NUL");
            case ENUM -> enumSchema(elements.getTypeElement(((ClassName) type.withoutAnnotations()).canonicalName()));
        };
    }

    private static Map<String, Object> enumSchema(TypeElement type) {
        List<String> constants = new ArrayList<>();
        for (Element e : type.getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(e.getSimpleName().toString());
            }
        }
        return ordered("type", "string", "enum", constants);
    }

    /** The mirror of a model type name (declared, parameterised, array or primitive). */
    private TypeMirror mirror(TypeName name) {
        if (name.isPrimitive()) {
            return types.getPrimitiveType(switch (name.toString()) {
                case "int" -> TypeKind.INT;
                case "long" -> TypeKind.LONG;
                case "double" -> TypeKind.DOUBLE;
                case "float" -> TypeKind.FLOAT;
                case "boolean" -> TypeKind.BOOLEAN;
                case "short" -> TypeKind.SHORT;
                case "byte" -> TypeKind.BYTE;
                default -> TypeKind.CHAR;
            });
        }
        if (name instanceof ArrayTypeName array) {
            return types.getArrayType(mirror(array.componentType()));
        }
        if (name instanceof ParameterizedTypeName parameterized) {
            TypeElement raw = elements.getTypeElement(parameterized.rawType().canonicalName());
            TypeMirror[] args = parameterized.typeArguments().stream().map(this::mirror).toArray(TypeMirror[]::new);
            return types.getDeclaredType(raw, args);
        }
        if (name instanceof WildcardTypeName wildcard) {
            return mirror(wildcard.upperBounds().get(0));
        }
        if (name instanceof ClassName className) {
            return types.erasure(elements.getTypeElement(className.canonicalName()).asType());
        }
        return elements.getTypeElement("java.lang.Object").asType();
    }

    /** The JSON schema of {@code type}; records and enums become components referenced by {@code $ref}. */
    private Map<String, Object> schema(TypeMirror type) {
        switch (type.getKind()) {
            case INT, SHORT, BYTE -> {
                return ordered("type", "integer", "format", "int32");
            }
            case LONG -> {
                return ordered("type", "integer", "format", "int64");
            }
            case DOUBLE -> {
                return ordered("type", "number", "format", "double");
            }
            case FLOAT -> {
                return ordered("type", "number", "format", "float");
            }
            case BOOLEAN -> {
                return ordered("type", "boolean");
            }
            case CHAR -> {
                return ordered("type", "string");
            }
            case ARRAY -> {
                TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
                if (component.getKind() == TypeKind.BYTE) {
                    return ordered("type", "string", "contentEncoding", "base64");
                }
                return ordered("type", "array", "items", schema(component));
            }
            case TYPEVAR, WILDCARD -> {
                return new TreeMap<>();
            }
            case DECLARED -> {
                return declaredSchema((DeclaredType) type);
            }
            default -> {
                return new TreeMap<>();
            }
        }
    }

    private Map<String, Object> declaredSchema(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> args = type.getTypeArguments();
        switch (name) {
            case "java.lang.String", "java.lang.CharSequence", "java.lang.Character" -> {
                return ordered("type", "string");
            }
            case "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> {
                return ordered("type", "integer", "format", "int32");
            }
            case "java.lang.Long" -> {
                return ordered("type", "integer", "format", "int64");
            }
            case "java.lang.Double" -> {
                return ordered("type", "number", "format", "double");
            }
            case "java.lang.Float" -> {
                return ordered("type", "number", "format", "float");
            }
            case "java.lang.Boolean" -> {
                return ordered("type", "boolean");
            }
            case "java.math.BigDecimal", "java.lang.Number" -> {
                return ordered("type", "number");
            }
            case "java.math.BigInteger" -> {
                return ordered("type", "integer");
            }
            case "java.util.UUID" -> {
                return ordered("type", "string", "format", "uuid");
            }
            case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> {
                return ordered("type", "string", "format", "date-time");
            }
            case "java.time.LocalDate" -> {
                return ordered("type", "string", "format", "date");
            }
            case "java.util.Optional" -> {
                return args.isEmpty() ? new TreeMap<>() : schema(args.get(0));
            }
            case "java.lang.Object" -> {
                return new TreeMap<>();
            }
            default -> {
            }
        }
        if (isA(type, "java.util.Map")) {
            TypeMirror value = args.size() == 2 ? args.get(1) : null;
            return ordered("type", "object", "additionalProperties", value == null ? Map.of() : schema(value));
        }
        if (isA(type, "java.lang.Iterable")) {
            TypeMirror item = args.size() == 1 ? args.get(0) : null;
            Map<String, Object> array = ordered("type", "array", "items", item == null ? Map.of() : schema(item));
            if (isA(type, "java.util.Set")) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        String component = componentName(type);
        if (!schemas.containsKey(component)) {
            if (element.getKind() == ElementKind.ENUM) {
                schemas.put(component, enumSchema(element));
            } else if (element.getKind() == ElementKind.RECORD) {
                schemas.put(component, Map.of());
                schemas.put(component, recordSchema(type, element));
            } else {
                schemas.put(component, ordered("type", "object"));
            }
        }
        return ordered("$ref", "#/components/schemas/" + component);
    }

    private Map<String, Object> recordSchema(DeclaredType type, TypeElement element) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponentElement component : element.getRecordComponents()) {
            ExecutableElement accessor = component.getAccessor();
            TypeMirror componentType = ((javax.lang.model.type.ExecutableType) types.asMemberOf(type, accessor))
                    .getReturnType();
            String name = component.getSimpleName().toString();
            Map<String, Object> schema = schema(componentType);
            properties.put(name, componentType.getKind().isPrimitive() ? schema : nullable(schema));
            boolean optional = componentType.getKind() == TypeKind.DECLARED
                    && ((TypeElement) ((DeclaredType) componentType).asElement()).getQualifiedName()
                    .contentEquals("java.util.Optional");
            if (componentType.getKind().isPrimitive() || !optional && !nullableLooking(component)
                    || jsonRequired(accessor)) {
                required.add(name);
            }
        }
        Map<String, Object> schema = ordered("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** {@code schema} or JSON {@code null}: what a reference-typed record component may be written as. */
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.isEmpty()) {
            return schema;
        }
        if (schema.get("type") instanceof String type && !schema.containsKey("enum")) {
            Map<String, Object> copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(type, "null"));
            return copy;
        }
        return ordered("anyOf", List.of(schema, ordered("type", "null")));
    }

    /**
     * Whether Jackson refuses a body without the component: {@code @JsonProperty(required = true)} on
     * it, which lands on its accessor.
     */
    private static boolean jsonRequired(ExecutableElement accessor) {
        for (AnnotationMirror mirror : accessor.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals("com.fasterxml.jackson.annotation.JsonProperty")) {
                return mirror.getElementValues().entrySet().stream().anyMatch(e -> e.getKey().getSimpleName()
                        .contentEquals("required") && Boolean.TRUE.equals(e.getValue().getValue()));
            }
        }
        return false;
    }

    /** Reference components may be null in JSON unless primitive; only primitives are marked required. */
    private static boolean nullableLooking(RecordComponentElement component) {
        return !component.asType().getKind().isPrimitive();
    }

    private boolean isA(DeclaredType type, String supertype) {
        TypeElement target = elements.getTypeElement(supertype);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    private String componentName(DeclaredType type) {
        StringBuilder name = new StringBuilder(type.asElement().getSimpleName());
        for (TypeMirror arg : type.getTypeArguments()) {
            name.append('_').append(arg.getKind() == TypeKind.DECLARED
                    ? componentName((DeclaredType) arg).replace('.', '_') : arg.toString());
        }
        return name.toString();
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", ordered("type", "string", "description", "Always about:blank"));
        properties.put("title", ordered("type", "string"));
        properties.put("status", ordered("type", "integer", "format", "int32"));
        properties.put("detail", ordered("type", "string"));
        properties.put("instance", ordered("type", "string", "description", "The request's correlation id, when one is known"));
        return ordered("type", "object", "description", "An RFC 9457 problem detail",
                "properties", properties, "required", List.of("type", "title", "status"));
    }

    private static String javadocText(String doc) {
        StringBuilder text = new StringBuilder();
        for (String line : doc.strip().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("@")) {
                break;
            }
            text.append(text.isEmpty() || trimmed.isEmpty() ? "" : " ").append(trimmed);
        }
        return text.toString().replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "").strip();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A small pretty-printing JSON writer for maps, lists, strings, numbers and booleans. */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value, "");
            return out.toString();
        }

        private static void write(StringBuilder out, Object value, String indent) {
            switch (value) {
                case Map<?, ?> map -> {
                    if (map.isEmpty()) {
                        out.append("{}");
                        return;
                    }
                    Iterable<? extends Map.Entry<?, ?>> entries = map instanceof LinkedHashMap || map instanceof TreeMap
                            ? map.entrySet() : new TreeMap<>(map).entrySet();
                    out.append("{\n");
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : entries) {
                        out.append(first ? "" : ",\n").append(indent).append("  ");
                        string(out, entry.getKey().toString());
                        out.append(": ");
                        write(out, entry.getValue(), indent + "  ");
                        first = false;
                    }
                    out.append('\n').append(indent).append('}');
                }
                case List<?> list -> {
                    if (list.isEmpty()) {
                        out.append("[]");
                        return;
                    }
                    out.append("[\n");
                    for (int i = 0; i < list.size(); i++) {
                        out.append(i == 0 ? "" : ",\n").append(indent).append("  ");
                        write(out, list.get(i), indent + "  ");
                    }
                    out.append('\n').append(indent).append(']');
                }
                case String s -> string(out, s);
                case null -> out.append("null");
                default -> out.append(value);
            }
        }

        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
