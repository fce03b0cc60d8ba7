package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.LayerModel;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.Wire;

import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes how a router gets its handler instances: the private constructor and the typed
 * {@code Builder} with one method per handler class (a class with a public no-argument
 * constructor is created when none is given).
 */
final class BuilderWriter {

    private BuilderWriter() {
    }

    /**
     * An instance the router holds: a handler or a layer; {@code wiring} is how the router creates
     * one that takes bindings (null for others).
     */
    record Instance(ClassName type, String field, boolean creatable, String role, java.util.List<Wire> wiring) {
    }

    /** The handlers, then the layers, of {@code model}. */
    static java.util.List<Instance> instances(RouterModel model) {
        java.util.List<Instance> all = new java.util.ArrayList<>();
        for (HandlerModel handler : model.handlers()) {
            all.add(new Instance(handler.type(), handler.field(), creatable(handler.defaultConstructible(),
                    handler.wiring()), "call", handler.wiring()));
        }
        for (LayerModel layer : model.layers()) {
            all.add(new Instance(layer.type(), layer.field(), creatable(layer.creatable(), layer.wiring()),
                    "run as a layer", layer.wiring()));
        }
        return all;
    }

    /** Whether the router creates the instance without help: with {@code new}, or from bindings alone. */
    private static boolean creatable(boolean noArguments, java.util.List<Wire> wiring) {
        return wiring == null ? noArguments : wiring.stream().allMatch(w -> w instanceof Wire.Bind);
    }

    /** The values classes that take bindings need from the builder, one per builder method. */
    static java.util.Map<String, TypeName> dependencies(RouterModel model) {
        java.util.Map<String, TypeName> dependencies = new java.util.LinkedHashMap<>();
        for (Instance instance : instances(model)) {
            if (instance.wiring() != null) {
                instance.wiring().stream().filter(w -> w instanceof Wire.Dependency).map(Wire.Dependency.class::cast)
                        .forEach(d -> dependencies.putIfAbsent(d.field(), d.type()));
            }
        }
        return dependencies;
    }

    static MethodSpec constructor(RouterModel model) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(model.name().nestedClass("Builder"), "builder");
        if (model.hasServices()) {
            constructor.addStatement(ServicesWriter.initializer());
        }
        for (Instance instance : instances(model)) {
            if (instance.wiring() != null) {
                java.util.List<CodeBlock> arguments = new java.util.ArrayList<>();
                for (Wire wire : instance.wiring()) {
                    arguments.add(switch (wire) {
                        case Wire.Bind bind -> CodeBlock.of("new $T(this.services.binding($S))", bind.binding(),
                                bind.service());
                        case Wire.Dependency dependency -> CodeBlock.of("$T.requireNonNull(builder.$N, $S)",
                                Objects.class, dependency.field(), model.name().simpleName() + " needs a "
                                        + dependency.type() + " to create " + instance.type().simpleName()
                                        + ": call builder()." + dependency.field() + "(...)");
                    });
                }
                constructor.addStatement("this.$N = builder.$N != null ? builder.$N : new $T($L)", instance.field(),
                        instance.field(), instance.field(), instance.type(), CodeBlock.join(arguments, ", "));
            } else if (instance.creatable()) {
                constructor.addStatement("this.$N = builder.$N != null ? builder.$N : new $T()", instance.field(),
                        instance.field(), instance.field(), instance.type());
            } else {
                constructor.addStatement("this.$N = $T.requireNonNull(builder.$N, $S)", instance.field(),
                        Objects.class, instance.field(), model.name().simpleName() + " needs an instance of "
                                + instance.type().simpleName() + ": call builder()." + instance.field() + "(...)");
            }
        }
        return constructor.build();
    }

    static TypeSpec builderType(RouterModel model) {
        ClassName builder = model.name().nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .alwaysQualify(model.shadowed().toArray(String[]::new))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Collects the handler and layer instances of a {@link $T}.\n", model.name())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Instance instance : instances(model)) {
            type.addField(instance.type(), instance.field(), Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(instance.field())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(instance.type(), instance.field())
                    .addJavadoc(instance.creatable()
                            ? "The {@link $T} to $L (default: a new one).\n"
                            : "The {@link $T} to $L (required).\n", instance.type(), instance.role())
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", instance.field(), Objects.class,
                            instance.field(), instance.field())
                    .addStatement("return this")
                    .build());
        }
        BuilderWriter.dependencies(model).forEach((field, dependencyType) -> {
            type.addField(dependencyType, field, Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(field)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(dependencyType, field)
                    .addJavadoc("The {@code $L} that the classes taking service bindings are created with.\n",
                            SourceText.javadoc(dependencyType.toString()))
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", field, Objects.class, field, field)
                    .addStatement("return this")
                    .build());
        });
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(model.name())
                .addJavadoc("The router; fails if a required handler or layer is missing.\n")
                .addStatement("return new $T(this)", model.name())
                .build());
        return type.build();
    }
}
