package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.model.ReferencedTypes;
import dev.spur.processor.model.RouterModel;

/**
 * The names generated code must not take or shorten: Java lets a variable hide a type and a type
 * hide a package (JLS 6.4.2), so the router qualifies some types and keeps some names free.
 */
final class TypeNaming {

    private TypeNaming() {
    }

    /**
     * Types named like variables or packages ({@code class h}, {@code class o.o}): a field or local
     * of that name would obscure the type in {@code h.route()} (JLS 6.4.2), and an import of
     * {@code o.o} would obscure the package in {@code o.com}, so the router writes them qualified.
     * JavaPoet decides whether to import {@code o.o} for {@code o.o.Item} by the nested name, so
     * those are listed too.
     */
    static java.util.SortedSet<String> obscurable(RouterModel model) {
        java.util.Set<ClassName> referenced = new java.util.LinkedHashSet<>();
        model.handlers().forEach(h -> referenced.add(h.type()));
        model.routes().forEach(r -> referenced.addAll(ReferencedTypes.of(r)));
        model.hijacks().forEach(h -> referenced.addAll(ReferencedTypes.of(h)));
        java.util.Set<String> packageRoots = new java.util.HashSet<>();
        referenced.forEach(c -> {
            if (!c.packageName().isEmpty()) {
                packageRoots.add(c.packageName().split("\\.")[0]);
            }
        });
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (ClassName c : referenced) {
            String top = c.topLevelClassName().simpleName();
            if (!c.packageName().isEmpty() && (!Character.isUpperCase(top.charAt(0)) || packageRoots.contains(top))) {
                names.addAll(c.simpleNames());
            }
        }
        return names;
    }

    /**
     * Names no local may take: the {@link #obscurable(RouterModel)} handler types (JavaPoet writes a type of
     * the router's own package by its simple name, alwaysQualify or not) and the first segments of
     * the qualified names it writes.
     */
    static java.util.SortedSet<String> reservedLocals(RouterModel model) {
        java.util.SortedSet<String> roots = obscurable(model);
        model.routes().forEach(r -> {
            String pkg = r.handler().type().packageName();
            if (!pkg.isEmpty()) {
                roots.add(pkg.split("\\.")[0]);
            }
        });
        return roots;
    }
}
