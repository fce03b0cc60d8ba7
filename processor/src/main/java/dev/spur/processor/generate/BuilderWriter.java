package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.HandlerModel;
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

    static MethodSpec constructor(RouterModel model) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(model.name().nestedClass("Builder"), "builder");
        for (HandlerModel handler : model.handlers()) {
            if (handler.defaultConstructible()) {
                constructor.addStatement("this.$N = builder.$N != null ? builder.$N : new $T()", handler.field(),
                        handler.field(), handler.field(), handler.type());
            } else {
                constructor.addStatement("this.$N = $T.requireNonNull(builder.$N, $S)", handler.field(),
                        Objects.class, handler.field(), model.name().simpleName() + " needs an instance of "
                                + handler.type().simpleName() + ": call builder()." + handler.field() + "(...)");
            }
        }
        return constructor.build();
    }

    static TypeSpec builderType(RouterModel model) {
        ClassName builder = model.name().nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .alwaysQualify(model.shadowed().toArray(String[]::new))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Collects the handler instances of a {@link $T}.\n", model.name())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (HandlerModel handler : model.handlers()) {
            type.addField(handler.type(), handler.field(), Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(handler.field())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(handler.type(), handler.field())
                    .addJavadoc(handler.defaultConstructible()
                            ? "The {@link $T} to call (default: a new one).\n"
                            : "The {@link $T} to call (required).\n", handler.type())
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", handler.field(), Objects.class,
                            handler.field(), handler.field())
                    .addStatement("return this")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(model.name())
                .addJavadoc("The router; fails if a required handler is missing.\n")
                .addStatement("return new $T(this)", model.name())
                .build());
        return type.build();
    }
}
