package dev.spur.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds the source of an annotation that javac folded into an implicit container (a repeated
 * {@code @Match}): javac's messager cannot place such a nested annotation and falls back to the
 * element, so Spur looks the annotation, and the value in it, up in the source tree itself.
 */
final class RepeatedAnnotationLocator {

    private final Trees trees;

    private RepeatedAnnotationLocator(Trees trees) {
        this.trees = trees;
    }

    /** A locator, or null outside javac (where the messager's own placement must do). */
    static RepeatedAnnotationLocator create(javax.annotation.processing.ProcessingEnvironment environment) {
        try {
            return new RepeatedAnnotationLocator(Trees.instance(environment));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Where {@code annotation} (and {@code value}, if not null) stands, or null when it is not a repeated one. */
    Location locate(Element element, AnnotationMirror annotation, AnnotationValue value) {
        if (element.getAnnotationMirrors().contains(annotation)) {
            return null;
        }
        int index = -1;
        AnnotationMirror container = null;
        for (AnnotationMirror candidate : element.getAnnotationMirrors()) {
            int found = nestedIndex(candidate, annotation);
            if (found >= 0) {
                index = found;
                container = candidate;
            }
        }
        TreePath path = trees.getPath(element);
        if (container == null || path == null) {
            return null;
        }
        ModifiersTree modifiers = switch (path.getLeaf()) {
            case MethodTree method -> method.getModifiers();
            case ClassTree type -> type.getModifiers();
            default -> null;
        };
        if (modifiers == null) {
            return null;
        }
        String simpleName = annotation.getAnnotationType().asElement().getSimpleName().toString();
        List<? extends AnnotationTree> same = modifiers.getAnnotations().stream()
                .filter(a -> a.getAnnotationType().toString().endsWith(simpleName))
                .toList();
        if (index >= same.size()) {
            return null;
        }
        AnnotationTree tree = same.get(index);
        Tree target = value == null ? tree : valueTree(tree, annotation, value);
        return new Location(target == null ? tree : target, path);
    }

    /** The source position found: a tree and the path of its element (for the compilation unit). */
    record Location(Tree tree, TreePath path) {
        void error(Trees trees, String message) {
            trees.printMessage(javax.tools.Diagnostic.Kind.ERROR, message, tree, path.getCompilationUnit());
        }
    }

    void report(Location location, String message) {
        location.error(trees, message);
    }

    private static int nestedIndex(AnnotationMirror container, AnnotationMirror nested) {
        for (AnnotationValue value : container.getElementValues().values()) {
            if (value.getValue() instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (((AnnotationValue) list.get(i)).getValue() == nested) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static Tree valueTree(AnnotationTree tree, AnnotationMirror annotation, AnnotationValue value) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            int arrayIndex = -1;
            boolean match = entry.getValue() == value;
            if (!match && entry.getValue().getValue() instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == value) {
                        arrayIndex = i;
                        match = true;
                    }
                }
            }
            if (match) {
                String name = entry.getKey().getSimpleName().toString();
                for (ExpressionTree argument : tree.getArguments()) {
                    if (argument instanceof AssignmentTree assignment
                            && assignment.getVariable() instanceof IdentifierTree id
                            && id.getName().contentEquals(name)) {
                        ExpressionTree expression = assignment.getExpression();
                        if (arrayIndex >= 0 && expression instanceof NewArrayTree array
                                && arrayIndex < array.getInitializers().size()) {
                            return array.getInitializers().get(arrayIndex);
                        }
                        return expression;
                    }
                }
            }
        }
        return null;
    }
}
