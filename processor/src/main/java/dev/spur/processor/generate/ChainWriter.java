package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.spur.processor.model.RouterModel;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes layer chains: for each chain, one method per layer that calls it with the next step and
 * answers what it throws, and one field per step holding a method reference made once.
 */
final class ChainWriter {

    private final RouterModel model;
    private final Names names;
    private final List<FieldSpec> steps = new ArrayList<>();
    private final List<MethodSpec> methods = new ArrayList<>();

    ChainWriter(RouterModel model, Names names) {
        this.model = model;
        this.names = names;
    }

    /** The step fields written so far. */
    List<FieldSpec> steps() {
        return steps;
    }

    /** The layer methods written so far. */
    List<MethodSpec> methods() {
        return methods;
    }

    /**
     * The chain of {@code layers} around the step {@code reference} names, as direct calls: one method per layer that
     * calls it with the next step, a field per step (a method reference made once, so a request
     * allocates nothing), and what a layer throws answered for the layers outside it. Returns the
     * call of the outermost step.
     */
    CodeBlock chain(String owner, String what, List<ClassName> layers, CodeBlock reference) {
        CodeBlock next = null;
        String nextField = null;
        for (int depth = layers.size() - 1; depth >= 0; depth--) {
            ClassName layer = layers.get(depth);
            String innerField = names.newName(owner + "After" + layer.simpleName() + "Step");
            steps.add(FieldSpec.builder(RuntimeTypes.LAYER.nestedClass("Next"), innerField, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer(next == null ? reference : CodeBlock.of("this::$N", nextField))
                    .build());
            String method = names.newName(owner + "Via" + layer.simpleName());
            methods.add(MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PRIVATE)
                    .addJavadoc("$L layer $L of $L: {@link $T}.\n", what, depth + 1, layers.size(), layer)
                    .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                    .beginControlFlow("try")
                    .addStatement("this.$N.handle(exchange, this.$N)", model.layer(layer).field(), innerField)
                    .nextControlFlow("catch ($T thrown)", Throwable.class)
                    .addStatement("$T.answer(exchange, thrown)", RuntimeTypes.FAILURES)
                    .endControlFlow()
                    .build());
            next = CodeBlock.of("$N(exchange)", method);
            nextField = method;
        }
        return next;
    }
}
