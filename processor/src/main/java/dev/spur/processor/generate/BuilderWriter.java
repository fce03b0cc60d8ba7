package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.HandlerModel;
import dev.spur.processor.model.LayerModel;
import dev.spur.processor.model.RouterModel;

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

    /** An instance the router holds: a handler or a layer. */
    record Instance(ClassName type, String field, boolean creatable, String role) {
    }

    /** The handlers, then the layers, of {@code model}. */
    static java.util.List<Instance> instances(RouterModel model) {
        java.util.List<Instance> all = new java.util.ArrayList<>();
        for (HandlerModel handler : model.handlers()) {
            all.add(new Instance(handler.type(), handler.field(), handler.defaultConstructible(), "call"));
        }
        for (LayerModel layer : model.layers()) {
            all.add(new Instance(layer.type(), layer.field(), layer.creatable(), "run as a layer"));
        }
        return all;
    }

    static MethodSpec constructor(RouterModel model) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(model.name().nestedClass("Builder"), "builder");
        for (Instance instance : instances(model)) {
            if (instance.creatable()) {
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
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(model.name())
                .addJavadoc("The router; fails if a required handler or layer is missing.\n")
                .addStatement("return new $T(this)", model.name())
                .build());
        return type.build();
    }
}
