package dev.spur.processor.parse;

import dev.spur.processor.model.ResultKind;
import dev.spur.processor.model.ValueType;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Classifies parameter and return types into what generated code can convert and write. */
final class TypeSupport {

    static final String SERVER_REQUEST = "io.helidon.webserver.http.ServerRequest";
    static final String SERVER_RESPONSE = "io.helidon.webserver.http.ServerResponse";
    static final String RESPONSE = "dev.spur.runtime.Response";
    static final String BODY_WRITER = "dev.spur.runtime.BodyWriter";

    private TypeSupport() {
    }

    /** The names of the factories a value type may convert with, in the order they are looked for. */
    static final String FACTORIES = "public static valueOf(String), of(String), parse(CharSequence), parse(String) "
            + "or fromString(String)";

    /**
     * Types with a factory Spur does not use: the valueOf of these boxes would take any Unicode digit,
     * NaN or hexadecimal (no second spelling of a number), and their primitives have no conversion.
     */
    static final java.util.Set<String> NO_CONVERSION = java.util.Set.of("java.lang.Byte", "java.lang.Short",
            "java.lang.Float", "java.lang.Character");

    /**
     * The conversion for a path, query, header, cookie or form value of this type, or null if there
     * is none: Spur's own for text, primitives and their boxes, UUID, enums, BigDecimal and
     * BigInteger; else the type's own public static factory (see {@link #FACTORIES}), never a
     * constructor. {@code byte}, {@code short}, {@code float}, {@code char} and their boxes have none.
     */
    static ValueType valueType(TypeMirror type) {
        return switch (type.getKind()) {
            case INT -> ValueType.INT;
            case LONG -> ValueType.LONG;
            case DOUBLE -> ValueType.DOUBLE;
            case BOOLEAN -> ValueType.BOOLEAN;
            case DECLARED -> declaredValueType((DeclaredType) type);
            default -> null;
        };
    }

    private static ValueType declaredValueType(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return ValueType.ENUM;
        }
        return switch (element.getQualifiedName().toString()) {
            case "java.lang.String" -> ValueType.STRING;
            case "java.lang.Integer" -> ValueType.INT;
            case "java.lang.Long" -> ValueType.LONG;
            case "java.lang.Double" -> ValueType.DOUBLE;
            case "java.lang.Boolean" -> ValueType.BOOLEAN;
            case "java.util.UUID" -> ValueType.UUID;
            case "dev.spur.runtime.SafePath" -> ValueType.SAFE_PATH;
            case "java.nio.file.Path" -> ValueType.FILE_PATH;
            case "java.math.BigDecimal" -> ValueType.DECIMAL;
            case "java.math.BigInteger" -> ValueType.BIG_INTEGER;
            default -> type.getTypeArguments().isEmpty() && !NO_CONVERSION.contains(element.getQualifiedName().toString())
                    ? factory(element) : null;
        };
    }

    /** The first usable factory of {@code type} (see {@link #FACTORIES}), or null. */
    private static ValueType factory(TypeElement type) {
        for (ValueType kind : List.of(ValueType.VALUE_OF, ValueType.OF, ValueType.PARSE, ValueType.FROM_STRING)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(kind.factory()) && isFactory(method, type, kind)) {
                    return kind;
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code method} converts text to {@code type}: public, static, not generic, one
     * {@code String} parameter ({@code CharSequence} too for {@code parse}), returning the type or a
     * subclass, throwing no checked exception (a method reference to it must fit a {@code Function}).
     */
    private static boolean isFactory(ExecutableElement method, TypeElement type, ValueType kind) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !method.getModifiers().contains(Modifier.STATIC)
                || !method.getTypeParameters().isEmpty() || method.getParameters().size() != 1) {
            return false;
        }
        TypeMirror parameter = method.getParameters().getFirst().asType();
        if (!is(parameter, "java.lang.String") && !(kind == ValueType.PARSE && is(parameter, "java.lang.CharSequence"))) {
            return false;
        }
        if (!isSubclass(method.getReturnType(), type.getQualifiedName().toString())) {
            return false;
        }
        return method.getThrownTypes().stream().allMatch(thrown -> isSubclass(thrown, "java.lang.RuntimeException")
                || isSubclass(thrown, "java.lang.Error"));
    }

    /**
     * Why {@code type} has no usable factory when it has a method of a factory's name that takes one
     * argument ("its parse(java.lang.String) declares the checked exception java.io.IOException"), or
     * null when it has none.
     */
    static String factoryRefusal(TypeElement type) {
        for (ValueType kind : List.of(ValueType.VALUE_OF, ValueType.OF, ValueType.PARSE, ValueType.FROM_STRING)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (!method.getSimpleName().contentEquals(kind.factory()) || method.getParameters().size() != 1) {
                    continue;
                }
                String which = "its " + method.getSimpleName() + "(" + method.getParameters().getFirst().asType() + ")";
                TypeMirror parameter = method.getParameters().getFirst().asType();
                if (!method.getModifiers().contains(Modifier.PUBLIC) || !method.getModifiers().contains(Modifier.STATIC)) {
                    return which + " is not public and static";
                }
                if (!is(parameter, "java.lang.String") && !(kind == ValueType.PARSE
                        && is(parameter, "java.lang.CharSequence"))) {
                    return which + " does not take a String";
                }
                if (!method.getTypeParameters().isEmpty()) {
                    return which + " is generic";
                }
                if (!isSubclass(method.getReturnType(), type.getQualifiedName().toString())) {
                    return which + " returns " + method.getReturnType() + ", not " + type.getQualifiedName();
                }
                for (TypeMirror thrown : method.getThrownTypes()) {
                    if (!isSubclass(thrown, "java.lang.RuntimeException") && !isSubclass(thrown, "java.lang.Error")) {
                        return which + " declares the checked exception " + thrown;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The element type of {@code List<T>} or {@code Set<T>} (exactly those interfaces), or null if
     * {@code type} is neither.
     */
    static TypeMirror collectionArgument(TypeMirror type) {
        if (is(type, "java.util.List") || is(type, "java.util.Set")) {
            List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
            return args.size() == 1 ? args.getFirst() : null;
        }
        return null;
    }

    /** The type argument of {@code Optional<T>}, or null if {@code type} is not an Optional. */
    static TypeMirror optionalArgument(TypeMirror type) {
        if (is(type, "java.util.Optional")) {
            List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
            return args.size() == 1 ? args.getFirst() : null;
        }
        return null;
    }

    /** Whether {@code type} is the declared type named {@code qualifiedName}. */
    static boolean is(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** Whether {@code type} is the class {@code qualifiedName} or one of its subclasses. */
    static boolean isSubclass(TypeMirror type, String qualifiedName) {
        for (TypeMirror t = type; t.getKind() == TypeKind.DECLARED;
             t = ((TypeElement) ((DeclaredType) t).asElement()).getSuperclass()) {
            if (is(t, qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} is {@code byte[]}. */
    static boolean isBytes(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
    }

    /** Whether a JSON mapper can be asked to read or write this type (no primitives, no type variables). */
    static boolean isJsonMappable(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().allMatch(TypeSupport::isJsonMappable);
            case ARRAY -> {
                TypeMirror component = ((ArrayType) type).getComponentType();
                yield component.getKind().isPrimitive() || isJsonMappable(component);
            }
            default -> false;
        };
    }

    /** How a result of this type is written, or null when it cannot be. */
    static ResultKind resultKind(TypeMirror type) {
        if (type.getKind() == TypeKind.VOID) {
            return ResultKind.VOID;
        }
        if (is(type, "java.util.concurrent.CompletionStage") || is(type, "java.util.concurrent.CompletableFuture")) {
            List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
            if (args.size() != 1 || args.getFirst().getKind() != TypeKind.DECLARED) {
                return null;
            }
            TypeMirror value = args.getFirst();
            if (is(value, "java.lang.Void")) {
                return ResultKind.VOID;
            }
            ResultKind inner = resultKind(value);
            return inner == null || isAwaitable(value) ? null : inner;
        }
        if (isSubclass(type, "java.io.InputStream")) {
            return ResultKind.STREAM;
        }
        if (is(type, BODY_WRITER)) {
            return ResultKind.WRITER;
        }
        if (is(type, "java.lang.String")) {
            return ResultKind.TEXT;
        }
        if (isBytes(type)) {
            return ResultKind.BYTES;
        }
        if (is(type, RESPONSE)) {
            return ResultKind.RESPONSE;
        }
        if (is(type, "java.util.Optional")) {
            TypeMirror arg = optionalArgument(type);
            return arg != null && isJsonMappable(arg) ? ResultKind.OPTIONAL : null;
        }
        return isJsonMappable(type) ? ResultKind.JSON : null;
    }

    /** Whether {@code type} is a {@code CompletionStage} or {@code CompletableFuture}, which a handler returns to answer later. */
    static boolean isAwaitable(TypeMirror type) {
        return is(type, "java.util.concurrent.CompletionStage") || is(type, "java.util.concurrent.CompletableFuture");
    }

    /** Whether any part of {@code type} is still unresolved (a type another processor may generate). */
    static boolean hasErrors(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(TypeSupport::hasErrors);
            case ARRAY -> hasErrors(((ArrayType) type).getComponentType());
            default -> false;
        };
    }

    /** A concrete class with a public no-argument constructor, which generated code can create with {@code new}. */
    public static boolean creatable(javax.lang.model.element.TypeElement type) {
        if (type.getKind() != javax.lang.model.element.ElementKind.CLASS
                || type.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
            return false;
        }
        return javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty()
                        && c.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC));
    }

    /**
     * Why a router generated in {@code routerPackage} cannot name {@code type} (used as one of
     * {@code role}, e.g. "handlers"), or null when it can: a local, anonymous, private or inner class,
     * or one that is not public outside the router's package.
     */
    public static String unreachable(javax.lang.model.element.TypeElement type, javax.lang.model.util.Elements elements,
                                     String routerPackage, String role) {
        for (javax.lang.model.element.Element e = type; e instanceof javax.lang.model.element.TypeElement t;
                e = e.getEnclosingElement()) {
            if (t.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
                    || t.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
                return "local and anonymous classes cannot be " + role;
            }
            if (t.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
                return t.getSimpleName() + " is private; make it public";
            }
            if (t.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
                    && !t.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
                    && t.getKind() == javax.lang.model.element.ElementKind.CLASS) {
                return t.getSimpleName() + " is an inner class; make it static";
            }
            if (!t.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
                    && !elements.getPackageOf(t).getQualifiedName().contentEquals(routerPackage)) {
                return t.getSimpleName() + " is not public and the router is generated in package '" + routerPackage
                        + "'; make it public";
            }
        }
        return null;
    }
}
