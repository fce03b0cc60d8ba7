package dev.spur.processor.validate;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.parse.Annotations;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.ElementFilter;

/** Rejects {@code @Match} where it would silently do nothing: on an element with no route. */
public final class OrphanMatches {

    private OrphanMatches() {
    }

    /** Reports each element of {@code annotated} that carries {@code @Match} but no route. */
    public static void check(Set<? extends Element> annotated, Reporter reporter) {
        for (Element element : annotated) {
            boolean routed = switch (element.getKind()) {
                case METHOD -> Annotations.find(element, Annotations.ROUTE).isPresent();
                case CLASS, INTERFACE, RECORD, ENUM -> Annotations.find(element, Annotations.HIJACK).isPresent()
                        || ElementFilter.methodsIn(element.getEnclosedElements()).stream()
                        .anyMatch(m -> Annotations.find(m, Annotations.ROUTE).isPresent());
                default -> true;
            };
            if (!routed) {
                AnnotationMirror match = Annotations.find(element, Annotations.MATCH)
                        .or(() -> Annotations.find(element, Annotations.MATCH_LIST)).orElseThrow();
                reporter.error(Diagnostic.MATCH_WITHOUT_ROUTE, element, match,
                        (element.getKind() == ElementKind.METHOD ? "method " : "class ") + element.getSimpleName());
            }
        }
    }
}
