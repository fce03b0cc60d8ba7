package dev.spur.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.LinkedHashSet;
import java.util.Set;

/** The classes generated code names for a route or a hijack: what can clash with other names there. */
public final class ReferencedTypes {

    private ReferencedTypes() {
    }

    /** The handler class, parameter, body and result types and custom matchers of {@code route}. */
    public static Set<ClassName> of(RouteModel route) {
        Set<ClassName> names = new LinkedHashSet<>();
        add(route.handler().type(), names);
        add(route.resultType(), names);
        for (ParamModel param : route.params()) {
            switch (param) {
                case ParamModel.Path path -> add(path.type(), names);
                case ParamModel.Named named -> add(named.type(), names);
                case ParamModel.FormRecord record -> {
                    add(record.type(), names);
                    record.fields().forEach(field -> add(field.type(), names));
                }
                case ParamModel.Body body -> add(body.type(), names);
                case ParamModel.Exchange exchange -> { }
                case ParamModel.Streamed streamed -> { }
            }
        }
        customMatchers(route.guard(), names);
        return names;
    }

    /** The hijack class and its custom matchers. */
    public static Set<ClassName> of(HijackModel hijack) {
        Set<ClassName> names = new LinkedHashSet<>();
        names.add(hijack.type());
        customMatchers(hijack.guard(), names);
        return names;
    }

    private static void customMatchers(Guard guard, Set<ClassName> names) {
        guard.clauses().forEach(clause -> clause.forEach(match -> match.conditions().forEach(c -> {
            if (c instanceof Condition.Custom custom) {
                names.add(custom.type());
            }
        })));
    }

    /** Every class in {@code type}: itself, its type arguments, bounds and array components. */
    private static void add(TypeName type, Set<ClassName> names) {
        switch (type) {
            case null -> { }
            case ClassName c -> names.add(c);
            case ParameterizedTypeName p -> {
                names.add(p.rawType());
                p.typeArguments().forEach(a -> add(a, names));
            }
            case ArrayTypeName a -> add(a.componentType(), names);
            case WildcardTypeName w -> {
                w.upperBounds().forEach(b -> add(b, names));
                w.lowerBounds().forEach(b -> add(b, names));
            }
            default -> { }
        }
    }
}
