package dev.spur.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Reports errors anchored as precisely as javac allows, and counts them. */
public final class Reporter {

    private final Messager messager;
    private final RepeatedAnnotationLocator repeated;
    private int errors;

    /** A reporter writing to {@code messager}. */
    public Reporter(Messager messager) {
        this(messager, null);
    }

    /** A reporter that also places errors inside repeated annotations, through {@code repeated}. */
    Reporter(Messager messager, RepeatedAnnotationLocator repeated) {
        this.messager = messager;
        this.repeated = repeated;
    }

    /** Reports an error on an element, its annotation and that annotation's value. */
    public void error(Diagnostic diagnostic, Element element, AnnotationMirror annotation, AnnotationValue value,
                      Object... args) {
        errors++;
        RepeatedAnnotationLocator.Location location = repeated == null || annotation == null ? null
                : repeated.locate(element, annotation, value);
        if (location != null) {
            repeated.report(location, diagnostic.format(args));
        } else {
            messager.printMessage(Kind.ERROR, diagnostic.format(args), element, annotation, value);
        }
    }

    /** Reports an error on an element and one of its annotations. */
    public void error(Diagnostic diagnostic, Element element, AnnotationMirror annotation, Object... args) {
        error(diagnostic, element, annotation, (AnnotationValue) null, args);
    }

    /** Reports an error on an element. */
    public void error(Diagnostic diagnostic, Element element, Object... args) {
        errors++;
        messager.printMessage(Kind.ERROR, diagnostic.format(args), element);
    }

    /** How many errors were reported so far. */
    public int errorCount() {
        return errors;
    }
}
