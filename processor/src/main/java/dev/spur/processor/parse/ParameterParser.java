package dev.spur.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.PathTemplate;
import dev.spur.processor.model.Segment;
import dev.spur.processor.model.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Binds each parameter of one handler method to the part of the request it reads. */
final class ParameterParser {

    private static final String VALUE_TYPES = "use String, int, long, double, boolean (or their boxes), UUID or an enum";

    private final Reporter reporter;
    private final ExecutableElement method;
    private final PathTemplate template;
    private boolean hasBody;

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
        String name = parameter.getSimpleName().toString();
        Optional<AnnotationMirror> query = Annotations.find(parameter, Annotations.QUERY);
        Optional<AnnotationMirror> header = Annotations.find(parameter, Annotations.HEADER);
        Optional<AnnotationMirror> body = Annotations.find(parameter, Annotations.BODY);
        int bindings = (query.isPresent() ? 1 : 0) + (header.isPresent() ? 1 : 0) + (body.isPresent() ? 1 : 0);
        TypeMirror type = parameter.asType();
        if (bindings > 1) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name,
                    "has more than one of @Query, @Header and @Body; keep one");
            return null;
        }
        if (body.isPresent()) {
            return body(parameter, name, type);
        }
        if (query.isPresent()) {
            return named(parameter, name, type, query.get(), false);
        }
        if (header.isPresent()) {
            return named(parameter, name, type, header.get(), true);
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
                    "a path parameter is always present: " + VALUE_TYPES);
            return null;
        }
        boolean catchAll = template.segments().get(index) instanceof Segment.CatchAll;
        return new ParamModel.Path(name, index, catchAll, valueType, TypeName.get(type));
    }

    private ParamModel body(VariableElement parameter, String name, TypeMirror type) {
        if (hasBody) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name,
                    "is a second @Body; a handler reads at most one body");
            return null;
        }
        hasBody = true;
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

    private ParamModel named(VariableElement parameter, String name, TypeMirror type, AnnotationMirror annotation,
                             boolean header) {
        String what = header ? "header" : "query parameter";
        String key = Annotations.string(annotation, "value");
        if (key.isEmpty() && !header) {
            key = name;
        }
        if (header ? !HttpNames.isHeaderName(key) : !HttpNames.isQueryName(key)) {
            reporter.error(Diagnostic.BAD_PARAM_NAME, parameter, annotation, Annotations.explicit(annotation, "value"),
                    key, what);
            return null;
        }
        TypeMirror optionalOf = TypeSupport.optionalArgument(type);
        TypeMirror valueMirror = optionalOf != null ? optionalOf : type;
        ValueType valueType = TypeSupport.valueType(valueMirror);
        if (valueType == null) {
            reporter.error(Diagnostic.UNSUPPORTED_PARAM_TYPE, parameter, name, type,
                    "a " + what + " is read as a value: " + VALUE_TYPES + ", or an Optional of one");
            return null;
        }
        String defaultValue = Annotations.string(annotation, "defaultValue");
        AnnotationValue defaultWritten = Annotations.explicit(annotation, "defaultValue");
        if (defaultValue.equals(Annotations.NO_DEFAULT)) {
            defaultValue = null;
        } else if (optionalOf != null) {
            reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name,
                    "is an Optional and has a defaultValue; keep one of them");
            return null;
        } else if (!converts(defaultValue, valueType, valueMirror)) {
            reporter.error(Diagnostic.BAD_DEFAULT, parameter, annotation, defaultWritten, defaultValue, name,
                    describe(valueType, valueMirror));
            return null;
        }
        return new ParamModel.Named(name, key, header, valueType, TypeName.get(valueMirror), optionalOf != null,
                defaultValue);
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
        return valueType.description();
    }
}
