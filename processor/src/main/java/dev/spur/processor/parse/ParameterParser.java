package dev.spur.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.KnownType;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.ParamModel.Arity;
import dev.spur.processor.model.ParamModel.Source;
import dev.spur.processor.model.PathTemplate;
import dev.spur.processor.model.Segment;
import dev.spur.processor.model.ValueType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Binds each parameter of one handler method to the part of the request it reads. */
final class ParameterParser {

    private static final String VALUE_TYPES = "use String, int, long, double, boolean (or their boxes), BigDecimal, "
            + "BigInteger, an enum, or a type with a " + TypeSupport.FACTORIES + " such as UUID, LocalDate or Instant";
    private static final String BINDINGS = "@Query, @Header, @Cookie, @Form and @Body";

    private final Reporter reporter;
    private final ExecutableElement method;
    private final PathTemplate template;
    private VariableElement body;
    private VariableElement form;

    ParameterParser(Reporter reporter, ExecutableElement method, PathTemplate template) {
        this.reporter = reporter;
        this.method = method;
        this.template = template;
    }

    /** The bound parameters; those in error are reported and left out. */
    List<ParamModel> parse() {
        List<ParamModel> params = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            ParamModel model = parse(parameter);
            if (model != null) {
                params.add(model);
            }
        }
        return params;
    }

    private ParamModel parse(VariableElement parameter) {
        if (StreamParameters.claims(parameter)) {
            return StreamParameters.parse(reporter, method, parameter);
        }
        String name = parameter.getSimpleName().toString();
        Optional<AnnotationMirror> query = Annotations.find(parameter, Annotations.QUERY);
        Optional<AnnotationMirror> header = Annotations.find(parameter, Annotations.HEADER);
        Optional<AnnotationMirror> cookie = Annotations.find(parameter, Annotations.COOKIE);
        Optional<AnnotationMirror> formField = Annotations.find(parameter, Annotations.FORM);
        Optional<AnnotationMirror> bodyMirror = Annotations.find(parameter, Annotations.BODY);
        long bindings = java.util.stream.Stream.of(query, header, cookie, formField, bodyMirror)
                .filter(Optional::isPresent).count();
        TypeMirror type = parameter.asType();
        if (bindings > 1) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, "has more than one of " + BINDINGS
                    + "; keep one");
            return null;
        }
        if (bodyMirror.isPresent()) {
            return body(parameter, name, type);
        }
        if (query.isPresent()) {
            return named(parameter, name, type, query.get(), Source.QUERY);
        }
        if (header.isPresent()) {
            return named(parameter, name, type, header.get(), Source.HEADER);
        }
        if (cookie.isPresent()) {
            return named(parameter, name, type, cookie.get(), Source.COOKIE);
        }
        if (formField.isPresent()) {
            return form(parameter, name, type, formField.get());
        }
        if (TypeSupport.is(type, TypeSupport.SERVER_REQUEST) || TypeSupport.is(type, TypeSupport.SERVER_RESPONSE)) {
            return new ParamModel.Exchange(name, TypeSupport.is(type, TypeSupport.SERVER_RESPONSE));
        }
        return path(parameter, name, type);
    }

    private ParamModel path(VariableElement parameter, String name, TypeMirror type) {
        int index = template.indexOf(name);
        if (index < 0) {
            reporter.error(Diagnostic.UNKNOWN_PARAM, parameter, name, template.source());
            return null;
        }
        ValueType valueType = TypeSupport.valueType(type);
        if (valueType == null) {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, type,
                    lacksFactory(type) + "a path parameter is one value: " + VALUE_TYPES);
            return null;
        }
        boolean catchAll = template.segments().get(index) instanceof Segment.CatchAll;
        return new ParamModel.Path(name, index, catchAll, valueType, TypeName.get(type));
    }

    private ParamModel body(VariableElement parameter, String name, TypeMirror type) {
        if (body != null || form != null) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, body != null
                    ? "is a second @Body; a handler reads at most one body"
                    : "is a @Body beside @Form '" + form.getSimpleName() + "'; a handler reads its body once: as "
                    + "@Body, or as @Form fields");
            return null;
        }
        body = parameter;
        ParamModel.BodyKind kind;
        if (TypeSupport.is(type, "java.lang.String")) {
            kind = ParamModel.BodyKind.TEXT;
        } else if (TypeSupport.isBytes(type)) {
            kind = ParamModel.BodyKind.BYTES;
        } else if (TypeSupport.isJsonMappable(type) && TypeSupport.optionalArgument(type) == null) {
            kind = ParamModel.BodyKind.JSON;
        } else {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, type,
                    "a body is String, byte[] or a class, record or collection read as JSON");
            return null;
        }
        return new ParamModel.Body(name, kind, TypeName.get(type));
    }

    /** A {@code @Form} parameter: one field, or a record of fields. */
    private ParamModel form(VariableElement parameter, String name, TypeMirror type, AnnotationMirror annotation) {
        if (body != null) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, "is a @Form field beside @Body '"
                    + body.getSimpleName() + "'; a handler reads its body once: as @Body, or as @Form fields");
            return null;
        }
        form = parameter;
        if (type.getKind() != TypeKind.DECLARED
                || ((DeclaredType) type).asElement().getKind() != ElementKind.RECORD) {
            return named(parameter, name, type, annotation, Source.FORM);
        }
        if (Annotations.explicit(annotation, "value") != null || Annotations.explicit(annotation, "defaultValue") != null) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, "is a form record, whose fields are its "
                    + "components: put the field names and defaults on the components, not on the parameter");
            return null;
        }
        TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
        if (!((DeclaredType) type).getTypeArguments().isEmpty()) {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, type,
                    "a form record has no type parameters: its components are the form's fields");
            return null;
        }
        List<ParamModel.Named> fields = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String componentName = component.getSimpleName().toString();
            AnnotationMirror componentForm = Annotations.find(component, Annotations.FORM).orElse(null);
            ParamModel.Named field = field(parameter, name, type, componentName, component.asType(), componentForm);
            if (field == null) {
                return null;
            }
            fields.add(field);
        }
        return new ParamModel.FormRecord(name, TypeName.get(type), fields);
    }

    /** A component of a form record as a form field; a problem is reported on the handler parameter. */
    private ParamModel.Named field(VariableElement parameter, String name, TypeMirror recordType, String component,
                                   TypeMirror type, AnnotationMirror annotation) {
        String key = annotation == null ? component : Annotations.string(annotation, "value");
        if (key.isEmpty()) {
            key = component;
        }
        String what = "form record component '" + component + "'";
        if (!HttpNames.isQueryName(key)) {
            reporter.error(Diagnostic.BAD_PARAM_NAME, parameter, key, "form field");
            return null;
        }
        Shape shape = shape(type);
        if (shape.valueType == null) {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, recordType, what + " has type " + type
                    + ": " + lacksFactory(shape.value) + "a form field is read as a value: " + VALUE_TYPES
                    + ", or an Optional, List or Set of one");
            return null;
        }
        int errors = reporter.errorCount();
        String defaultValue = annotation == null ? null : defaultValue(parameter, component, annotation, shape);
        if (reporter.errorCount() > errors) {
            return null;
        }
        return new ParamModel.Named(component, key, Source.FORM, shape.valueType, TypeName.get(shape.value),
                shape.arity, defaultValue);
    }

    private ParamModel named(VariableElement parameter, String name, TypeMirror type, AnnotationMirror annotation,
                             Source source) {
        String what = source.what();
        String key = Annotations.string(annotation, "value");
        if (key.isEmpty() && source != Source.HEADER) {
            key = name;
        }
        boolean valid = source == Source.HEADER || source == Source.COOKIE ? HttpNames.isHeaderName(key)
                : HttpNames.isQueryName(key);
        if (!valid) {
            reporter.error(Diagnostic.BAD_PARAM_NAME, parameter, annotation, Annotations.explicit(annotation, "value"),
                    key, what);
            return null;
        }
        Shape shape = shape(type);
        if (shape.valueType == null) {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, type,
                    lacksFactory(shape.value) + "a " + what + " is read as a value: " + VALUE_TYPES
                            + ", or an Optional, List or Set of one");
            return null;
        }
        int errors = reporter.errorCount();
        String defaultValue = defaultValue(parameter, name, annotation, shape);
        if (reporter.errorCount() > errors) {
            return null;
        }
        return new ParamModel.Named(name, key, source, shape.valueType, TypeName.get(shape.value), shape.arity,
                defaultValue);
    }

    /** The checked {@code defaultValue} of {@code annotation}: null when none is given, or when it is wrong (reported). */
    private String defaultValue(Element parameter, String name, AnnotationMirror annotation, Shape shape) {
        String defaultValue = Annotations.string(annotation, "defaultValue");
        if (defaultValue.equals(Annotations.NO_DEFAULT)) {
            return null;
        }
        if (shape.arity == Arity.OPTIONAL) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name,
                    "is an Optional and has a defaultValue; keep one of them");
            return null;
        }
        if (shape.arity != Arity.ONE) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, "is a " + (shape.arity == Arity.LIST
                    ? "List" : "Set") + " and has a defaultValue; an absent " + (shape.arity == Arity.LIST ? "List"
                    : "Set") + " is empty, so remove the defaultValue");
            return null;
        }
        if (!converts(defaultValue, shape.valueType, shape.value)) {
            reporter.error(Diagnostic.BAD_DEFAULT, parameter, annotation, Annotations.explicit(annotation,
                    "defaultValue"), defaultValue, name, describe(shape.valueType, shape.value));
            return null;
        }
        return defaultValue;
    }

    /** A parameter's type taken apart: how many values, and the value type with its conversion (null when none). */
    private record Shape(Arity arity, TypeMirror value, ValueType valueType) {
    }

    private static Shape shape(TypeMirror type) {
        TypeMirror optionalOf = TypeSupport.optionalArgument(type);
        if (optionalOf != null) {
            return new Shape(Arity.OPTIONAL, optionalOf, TypeSupport.valueType(optionalOf));
        }
        TypeMirror element = TypeSupport.collectionArgument(type);
        if (element != null) {
            return new Shape(TypeSupport.is(type, "java.util.List") ? Arity.LIST : Arity.SET, element,
                    TypeSupport.valueType(element));
        }
        return new Shape(Arity.ONE, type, TypeSupport.valueType(type));
    }

    /**
     * The start of an unsupported-type message for a declared type with no conversion: that it has
     * none of the factories, and that Spur never calls a constructor; empty for other types.
     */
    private static String lacksFactory(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED || !((DeclaredType) type).getTypeArguments().isEmpty()
                || TypeSupport.NO_CONVERSION.contains(((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName().toString())) {
            return "";
        }
        String refusal = TypeSupport.factoryRefusal((TypeElement) ((DeclaredType) type).asElement());
        return type + " has no " + TypeSupport.FACTORIES + " to convert text with"
                + (refusal == null ? "" : " (" + refusal + ")") + ", and Spur calls no constructor; ";
    }

    private static boolean converts(String value, ValueType valueType, TypeMirror type) {
        try {
            switch (valueType) {
                case STRING -> { }
                case INT -> Integer.parseInt(value);
                case LONG -> Long.parseLong(value);
                case DOUBLE -> {
                    if (!Double.isFinite(Double.parseDouble(value))) {
                        return false;
                    }
                }
                case BOOLEAN -> {
                    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                }
                case UUID -> {
                    return value.length() == 36 && UUID.fromString(value) != null;
                }
                case ENUM -> {
                    return enumConstants(type).stream().anyMatch(c -> c.equalsIgnoreCase(value));
                }
                case DECIMAL -> new BigDecimal(value);
                case BIG_INTEGER -> new BigInteger(value);
                default -> {
                    // a JDK type's factory runs here; a type of the application's own cannot, before it is compiled
                    KnownType known = KnownType.of(TypeName.get(type));
                    return known == null || known.accepts(value);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> enumConstants(TypeMirror type) {
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return element.getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                .map(e -> e.getSimpleName().toString())
                .toList();
    }

    private static String describe(ValueType valueType, TypeMirror type) {
        if (valueType == ValueType.ENUM) {
            return "one of " + String.join(", ", enumConstants(type)).toLowerCase(Locale.ROOT);
        }
        return valueType.describe(TypeName.get(type));
    }
}
