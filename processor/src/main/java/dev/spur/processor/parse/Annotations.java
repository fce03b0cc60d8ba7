package dev.spur.processor.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotation mirrors, so that diagnostics can point at the exact annotation value. */
public final class Annotations {

    /** {@code dev.spur.Route}. */
    public static final String ROUTE = "dev.spur.Route";
    /** {@code dev.spur.Query}. */
    public static final String QUERY = "dev.spur.Query";
    /** {@code dev.spur.Header}. */
    public static final String HEADER = "dev.spur.Header";
    /** {@code dev.spur.Cookie}. */
    public static final String COOKIE = "dev.spur.Cookie";
    /** {@code dev.spur.Form}. */
    public static final String FORM = "dev.spur.Form";
    /** {@code dev.spur.Body}. */
    public static final String BODY = "dev.spur.Body";
    /** {@code @MultipartLimits}. */
    public static final String MULTIPART_LIMITS = "dev.spur.MultipartLimits";
    /** {@code dev.spur.Match}. */
    public static final String MATCH = "dev.spur.Match";
    /** {@code dev.spur.Match.List}, the container of repeated matches. */
    public static final String MATCH_LIST = "dev.spur.Match.List";
    /** {@code dev.spur.Hijack}. */
    public static final String HIJACK = "dev.spur.Hijack";
    /** {@code @Layer}. */
    public static final String LAYER = "dev.spur.Layer";
    /** {@code @Answer}. */
    public static final String ANSWER = "dev.spur.Answer";
    /** {@code @Answer.List}, the container of repeated {@code @Answer}s. */
    public static final String ANSWER_LIST = "dev.spur.Answer.List";
    /** The value {@code dev.spur.Query.NO_DEFAULT} marks "no default". */
    /** {@code dev.spur.Service}. */
    public static final String SERVICE = "dev.spur.Service";
    public static final String NO_DEFAULT = "\u0000spur:no-default";

    private Annotations() {
    }

    /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
    public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value written for {@code name}, or null when the default applies (no position to point at). */
    public static AnnotationValue explicit(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The values of string array {@code name}, written or default, each with the value to point at
     * (the written element; null for a default, which has no position).
     */
    public static List<Map.Entry<String, AnnotationValue>> strings(AnnotationMirror mirror, String name) {
        AnnotationValue written = explicit(mirror, name);
        AnnotationValue value = written;
        if (value == null) {
            for (ExecutableElement method : ((TypeElement) mirror.getAnnotationType().asElement()).getEnclosedElements()
                    .stream().filter(e -> e instanceof ExecutableElement).map(ExecutableElement.class::cast).toList()) {
                if (method.getSimpleName().contentEquals(name) && method.getDefaultValue() != null) {
                    value = method.getDefaultValue();
                }
            }
        }
        List<Map.Entry<String, AnnotationValue>> strings = new java.util.ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (value.getValue() instanceof List<?> items) {
            for (Object item : items) {
                AnnotationValue element = (AnnotationValue) item;
                strings.add(new java.util.AbstractMap.SimpleEntry<>(String.valueOf(element.getValue()),
                        written == null ? null : element));
            }
        } else {
            strings.add(new java.util.AbstractMap.SimpleEntry<>(String.valueOf(value.getValue()), written));
        }
        return strings;
    }

    /** The string value of {@code name}, written or default. */
    public static String string(AnnotationMirror mirror, String name) {
        AnnotationValue written = explicit(mirror, name);
        if (written != null) {
            return (String) written.getValue();
        }
        for (ExecutableElement method : ((TypeElement) mirror.getAnnotationType().asElement()).getEnclosedElements()
                .stream().filter(e -> e instanceof ExecutableElement).map(ExecutableElement.class::cast).toList()) {
            if (method.getSimpleName().contentEquals(name) && method.getDefaultValue() != null) {
                return (String) method.getDefaultValue().getValue();
            }
        }
        return "";
    }
}
