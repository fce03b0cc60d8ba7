package dev.spur.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.spur.processor.model.RouterModel;
import dev.spur.processor.model.ServiceModel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.lang.model.element.Modifier;

/**
 * Writes what a router whose handlers declare services adds: the table of its services, each
 * route's service, the {@code Services} that decides who may reach a route and holds the bindings,
 * and {@code services()}.
 */
final class ServicesWriter {

    private ServicesWriter() {
    }

    static void addTo(TypeSpec.Builder type, RouterModel model, boolean media) {
        List<CodeBlock> infos = model.services().stream().map(ServicesWriter::info).toList();
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.SERVICE_INFO),
                        "SERVICES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The application's services, numbered as {@link #ROUTE_SERVICES} refers to them.\n")
                .initializer("$T.of($L)", List.class, CodeBlock.join(infos, ", "))
                .build());
        String numbers = model.routes().stream()
                .map(route -> Integer.toString(model.serviceIndex(route.handler().service())))
                .collect(Collectors.joining(", "));
        type.addField(FieldSpec.builder(ArrayTypeName.of(TypeName.INT), "ROUTE_SERVICES",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The service of each route, by route number.\n")
                .initializer("{$L}", numbers)
                .build());
        type.addField(FieldSpec.builder(RuntimeTypes.SERVICES, "services", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addMethod(MethodSpec.methodBuilder("services")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), RuntimeTypes.SERVICES))
                .addStatement("return $T.of(services)", Optional.class)
                .build());
        if (media) {
            type.addMethod(MethodSpec.methodBuilder("admitted")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(TypeName.INT)
                    .addJavadoc("{@code route} when the request may reach it, else -1.\n")
                    .addParameter(TypeName.INT, "route")
                    .addParameter(RuntimeTypes.EXCHANGE, "exchange")
                    .addStatement("return services.admits(route, exchange) ? route : -1")
                    .build());
        }
    }

    /** The statement that creates the router's {@code Services}; the constructor runs it first. */
    static CodeBlock initializer() {
        return CodeBlock.of("this.services = new $T(this, SERVICES, ROUTE_SERVICES)", RuntimeTypes.SERVICES);
    }

    private static CodeBlock info(ServiceModel service) {
        return CodeBlock.of("new $T($S, $T.$L, $S)", RuntimeTypes.SERVICE_INFO, service.name(), RuntimeTypes.VISIBILITY,
                service.isPrivate() ? "PRIVATE" : "PUBLIC", service.host());
    }
}
