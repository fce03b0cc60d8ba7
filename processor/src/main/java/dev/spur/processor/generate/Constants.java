package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The static constants generated code refers to (header names, media ranges, networks, custom
 * matchers), each created once at class initialisation and shared by every use.
 */
final class Constants {

    private final Names names;
    private final Map<String, String> fieldsByKey = new LinkedHashMap<>();
    private final List<FieldSpec> fields = new ArrayList<>();

    Constants(Names names) {
        this.names = names;
    }

    /** A {@code HeaderName} constant for {@code header} (case-insensitive). */
    String headerName(String header) {
        return constant("header:" + header.toLowerCase(Locale.ROOT), header + "_HEADER", RuntimeTypes.HEADER_NAME,
                CodeBlock.of("$T.create($L)", RuntimeTypes.HEADER_NAMES, SourceText.literal(header)));
    }

    /** A {@code List<MediaRange>} constant. */
    String mediaRanges(String prefix, List<String> ranges) {
        return constant("media:" + prefix + ranges, prefix + "_" + String.join("_", ranges),
                ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.MEDIA_RANGE),
                list(RuntimeTypes.MEDIA_RANGE, ranges));
    }

    /** A {@code List<Cidr>} constant. */
    String networks(List<String> cidrs) {
        return constant("cidr:" + cidrs, "NETWORKS", ParameterizedTypeName.get(ClassName.get(List.class),
                RuntimeTypes.CIDR), list(RuntimeTypes.CIDR, cidrs));
    }

    /** A custom matcher instance constant; a generic matcher is created with {@code <>}, and held as {@code <?>}. */
    String matcher(ClassName type, int typeParameters) {
        if (typeParameters == 0) {
            return constant("matcher:" + type.canonicalName(), type.simpleName(), type, CodeBlock.of("new $T()", type));
        }
        TypeName[] wildcards = new TypeName[typeParameters];
        java.util.Arrays.fill(wildcards, WildcardTypeName.subtypeOf(Object.class));
        return constant("matcher:" + type.canonicalName(), type.simpleName(), ParameterizedTypeName.get(type, wildcards),
                CodeBlock.of("new $T<>()", type));
    }

    /** Every constant created so far. */
    List<FieldSpec> fields() {
        return fields;
    }

    private static CodeBlock list(ClassName element, List<String> values) {
        List<CodeBlock> items = values.stream().map(v -> CodeBlock.of("$T.parse($L)", element, SourceText.literal(v))).toList();
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(items, ", "));
    }

    private String constant(String key, String suggestion, TypeName type, CodeBlock initializer) {
        return fieldsByKey.computeIfAbsent(key, k -> {
            String name = names.newName(suggestion.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                    .replaceAll("^_|_$", ""));
            fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(initializer).build());
            return name;
        });
    }
}
