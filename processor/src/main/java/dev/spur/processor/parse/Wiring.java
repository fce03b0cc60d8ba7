package dev.spur.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.ServiceModel;
import dev.spur.processor.model.Wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads how the router creates a handler or layer class that takes service bindings: its one
 * public constructor's parameters, each a binding (a generated {@code <Name>Binding}, which does
 * not exist yet while the processor runs, so it is recognised by name) or a value the application
 * gives the builder.
 */
public final class Wiring {

    private final Reporter reporter;
    private final String routerPackage;
    private final Map<String, ServiceModel> bySimpleName = new java.util.HashMap<>();
    private final Function<TypeName, String> dependencyField;

    /**
     * Wiring for the bindings of {@code services}; {@code dependencyField} names the builder method
     * of each other parameter type (one per type, shared).
     */
    public Wiring(Reporter reporter, String routerPackage, List<ServiceModel> services,
                  Function<TypeName, String> dependencyField) {
        this.reporter = reporter;
        this.routerPackage = routerPackage;
        this.dependencyField = dependencyField;
        for (ServiceModel service : services) {
            if (service.binding() != null) {
                bySimpleName.put(service.binding().simpleName(), service);
            }
        }
    }

    /** The service whose binding client {@code type} is, or null. */
    public ServiceModel bindingOf(TypeMirror type) {
        String name;
        if (type.getKind() == TypeKind.ERROR) {
            // not generated yet: javac keeps the name as the source wrote it
            name = type.toString();
        } else if (type.getKind() == TypeKind.DECLARED) {
            name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        } else {
            return null;
        }
        int dot = name.lastIndexOf('.');
        String simple = name.substring(dot + 1);
        if (dot >= 0 && !name.substring(0, dot).equals(routerPackage)) {
            return null;
        }
        return bySimpleName.get(simple);
    }

    /**
     * The constructor arguments of {@code type} when its public constructor takes a binding, else
     * null (the class is created as before: with {@code new} or from the builder).
     */
    public List<Wire> wiring(TypeElement type) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(c -> c.getModifiers().contains(Modifier.PUBLIC)).toList();
        ExecutableElement binding = constructors.stream()
                .filter(c -> c.getParameters().stream().anyMatch(p -> bindingOf(p.asType()) != null))
                .findFirst().orElse(null);
        if (binding == null) {
            return null;
        }
        if (constructors.size() > 1) {
            reporter.error(Diagnostic.BINDING_AMBIGUOUS_CONSTRUCTOR, binding, type.getSimpleName(), constructors.size());
            return null;
        }
        List<Wire> wires = new ArrayList<>();
        for (VariableElement parameter : binding.getParameters()) {
            ServiceModel service = bindingOf(parameter.asType());
            if (service != null) {
                wires.add(new Wire.Bind(service.name(), service.binding(), parameter));
            } else {
                TypeName dependency = TypeName.get(parameter.asType()).box();
                wires.add(new Wire.Dependency(dependency, dependencyField.apply(dependency), parameter));
            }
        }
        return wires;
    }
}
