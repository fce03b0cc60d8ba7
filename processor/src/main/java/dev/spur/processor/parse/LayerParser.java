package dev.spur.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Layer} on a package, class or method: the layer classes in declaration order,
 * each checked to be a {@code dev.spur.runtime.Layer} the router can create or take from its
 * builder. Every class seen is remembered with whether the router can create it itself.
 */
public final class LayerParser {

    /** The runtime interface layers implement. */
    public static final String LAYER_INTERFACE = "dev.spur.runtime.Layer";

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final String routerPackage;
    private final Map<ClassName, Boolean> seen = new LinkedHashMap<>();

    /** A parser for the layers of a router generated in {@code routerPackage}. */
    public LayerParser(Elements elements, Types types, Reporter reporter, String routerPackage) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.routerPackage = routerPackage;
    }

    /** The valid layers {@code element} declares, outermost first; empty when it has no {@code @Layer}. */
    public List<ClassName> layers(Element element) {
        Optional<AnnotationMirror> mirror = Annotations.find(element, Annotations.LAYER);
        if (mirror.isEmpty()) {
            return List.of();
        }
        AnnotationValue value = Annotations.explicit(mirror.get(), "value");
        if (value == null || !(value.getValue() instanceof List<?> values)) {
            return List.of();
        }
        List<ClassName> layers = new ArrayList<>();
        Set<ClassName> atThisLevel = new LinkedHashSet<>();
        for (Object item : values) {
            AnnotationValue entry = (AnnotationValue) item;
            if (!(entry.getValue() instanceof TypeMirror type) || type.getKind() != TypeKind.DECLARED) {
                reporter.error(Diagnostic.LAYER_NOT_A_LAYER, element, mirror.get(), entry, String.valueOf(entry.getValue()));
                continue;
            }
            TypeElement layer = (TypeElement) ((DeclaredType) type).asElement();
            ClassName name = ClassName.get(layer);
            if (!isLayer(layer)) {
                reporter.error(Diagnostic.LAYER_NOT_A_LAYER, element, mirror.get(), entry, layer.getQualifiedName());
                continue;
            }
            String unusable = unusable(layer);
            if (unusable != null) {
                reporter.error(Diagnostic.LAYER_NOT_INSTANTIABLE, element, mirror.get(), entry, layer.getQualifiedName(),
                        unusable);
                continue;
            }
            if (!atThisLevel.add(name)) {
                reporter.error(Diagnostic.LAYER_DUPLICATE, element, mirror.get(), entry, layer.getQualifiedName());
                continue;
            }
            seen.put(name, TypeSupport.creatable(layer));
            layers.add(name);
        }
        return List.copyOf(layers);
    }

    /** Every valid layer class seen so far, with whether the router can create it with {@code new}. */
    public Map<ClassName, Boolean> seen() {
        return Map.copyOf(seen);
    }

    /** Whether {@code element} carries {@code @Layer} at all. */
    public static boolean annotated(Element element) {
        return Annotations.find(element, Annotations.LAYER).isPresent();
    }

    private boolean isLayer(TypeElement type) {
        TypeElement layer = elements.getTypeElement(LAYER_INTERFACE);
        return layer != null && types.isAssignable(types.erasure(type.asType()), types.erasure(layer.asType()));
    }

    /** Why the generated router can neither create {@code type} nor take it from its builder, or null. */
    private String unusable(TypeElement type) {
        if (!type.getTypeParameters().isEmpty()) {
            return "a generic layer class cannot be named without type arguments; make a non-generic subclass";
        }
        return TypeSupport.unreachable(type, elements, routerPackage, "layers");
    }
}
