package dev.spur.processor.parse;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.ParamModel;
import dev.spur.processor.model.ParamModel.Limits;
import dev.spur.processor.model.ParamModel.StreamKind;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Binds the parameters that exist only as streams over a live request: {@code @Body Multipart}
 * (with its {@code @MultipartLimits}), {@code @Body InputStream}, and Helidon's {@code SseSink}.
 */
final class StreamParameters {

    static final String MULTIPART = "dev.spur.runtime.Multipart";
    static final String INPUT_STREAM = "java.io.InputStream";
    static final String SSE_SINK = "io.helidon.webserver.sse.SseSink";
    static final String LIMITS = Annotations.MULTIPART_LIMITS;

    /** Annotations that bind a parameter to something else than a stream. */
    private static final List<String> OTHER_BINDINGS = List.of(Annotations.QUERY, Annotations.HEADER,
            Annotations.COOKIE, Annotations.FORM);

    private StreamParameters() {
    }

    /** Whether {@code parameter} is one of these: by its type, or by {@code @MultipartLimits}. */
    static boolean claims(VariableElement parameter) {
        return kind(parameter.asType()) != null || Annotations.find(parameter, LIMITS).isPresent();
    }

    private static StreamKind kind(TypeMirror type) {
        if (TypeSupport.is(type, MULTIPART)) {
            return StreamKind.MULTIPART;
        }
        if (TypeSupport.is(type, INPUT_STREAM)) {
            return StreamKind.BODY;
        }
        if (TypeSupport.is(type, SSE_SINK)) {
            return StreamKind.EVENTS;
        }
        return null;
    }

    /** The model of {@code parameter} of {@code method}, or null after reporting what is wrong. */
    static ParamModel parse(Reporter reporter, ExecutableElement method, VariableElement parameter) {
        String name = parameter.getSimpleName().toString();
        StreamKind kind = kind(parameter.asType());
        Optional<AnnotationMirror> limits = Annotations.find(parameter, LIMITS);
        if (kind != StreamKind.MULTIPART && limits.isPresent()) {
            reporter.error(Diagnostic.MISPLACED_LIMITS, parameter, limits.get(), name);
            return null;
        }
        for (String other : OTHER_BINDINGS) {
            if (Annotations.find(parameter, other).isPresent()) {
                reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name, "is " + describe(kind)
                        + ", which no @" + other.substring(other.lastIndexOf('.') + 1) + " can read; remove it");
                return null;
            }
        }
        boolean body = Annotations.find(parameter, Annotations.BODY).isPresent();
        if (kind == StreamKind.EVENTS) {
            if (body) {
                reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, name,
                        "is the answer's event sink, not the request body; remove @Body");
                return null;
            }
            if (method.getReturnType().getKind() != TypeKind.VOID) {
                reporter.error(Diagnostic.EVENTS_NOT_VOID, method, method.getSimpleName() + "()",
                        method.getReturnType());
                return null;
            }
            return new ParamModel.Streamed(name, kind, null);
        }
        if (!body) {
            reporter.error(Diagnostic.STREAM_WITHOUT_BODY, parameter, name, parameter.asType());
            return null;
        }
        if (!singleBody(reporter, method, parameter)) {
            return null;
        }
        if (kind == StreamKind.BODY) {
            return new ParamModel.Streamed(name, kind, null);
        }
        Limits parsed = limits.isEmpty() ? Limits.DEFAULT : limits(reporter, parameter, limits.get());
        return parsed == null ? null : new ParamModel.Streamed(name, kind, parsed);
    }

    private static String describe(StreamKind kind) {
        return switch (kind) {
            case MULTIPART -> "the multipart request body";
            case BODY -> "the request body as a stream";
            case EVENTS -> "the answer's event sink";
        };
    }

    /**
     * Whether {@code parameter} is the method's only body; else reports the later of the two (once:
     * a streamed body earlier than this one has reported this one already).
     */
    private static boolean singleBody(Reporter reporter, ExecutableElement method, VariableElement parameter) {
        List<? extends VariableElement> all = method.getParameters();
        int index = all.indexOf(parameter);
        boolean single = true;
        for (int i = 0; i < all.size(); i++) {
            VariableElement other = all.get(i);
            boolean otherBody = Annotations.find(other, Annotations.BODY).isPresent()
                    || Annotations.find(other, Annotations.FORM).isPresent();
            if (i == index || !otherBody) {
                continue;
            }
            boolean otherStreamed = kind(other.asType()) != null;
            if (i > index) {
                reporter.error(Diagnostic.CONFLICTING_BINDING, other, other.getSimpleName().toString(),
                        "is a second body beside streamed body '" + parameter.getSimpleName()
                                + "'; a handler reads at most one body");
            } else if (!otherStreamed) {
                reporter.error(Diagnostic.CONFLICTING_BINDING, parameter, parameter.getSimpleName().toString(),
                        "is a second body beside '" + other.getSimpleName() + "'; a handler reads at most one body");
                single = false;
            }
        }
        return single;
    }

    private static Limits limits(Reporter reporter, VariableElement parameter, AnnotationMirror mirror) {
        long maxPartSize = number(mirror, "maxPartSize", Limits.DEFAULT.maxPartSize());
        long maxSize = number(mirror, "maxSize", Limits.DEFAULT.maxSize());
        long maxParts = number(mirror, "maxParts", Limits.DEFAULT.maxParts());
        long maxHeaderSize = number(mirror, "maxHeaderSize", Limits.DEFAULT.maxHeaderSize());
        int errors = reporter.errorCount();
        if (maxPartSize <= 0) {
            bad(reporter, parameter, mirror, "maxPartSize", maxPartSize, "a part may hold at least one byte");
        }
        if (maxSize == 0 || maxSize < -1) {
            bad(reporter, parameter, mirror, "maxSize", maxSize, "give a positive size, or -1 for maxPayloadSize alone");
        }
        if (maxParts <= 0) {
            bad(reporter, parameter, mirror, "maxParts", maxParts, "a body may hold at least one part");
        }
        if (maxHeaderSize < 64 || maxHeaderSize > 1024 * 1024) {
            bad(reporter, parameter, mirror, "maxHeaderSize", maxHeaderSize, "keep it within 64..1048576 bytes");
        }
        return reporter.errorCount() > errors ? null
                : new Limits(maxPartSize, maxSize, (int) maxParts, (int) maxHeaderSize);
    }

    private static long number(AnnotationMirror mirror, String name, long fallback) {
        AnnotationValue value = Annotations.explicit(mirror, name);
        return value == null ? fallback : ((Number) value.getValue()).longValue();
    }

    private static void bad(Reporter reporter, VariableElement parameter, AnnotationMirror mirror, String name,
                            long value, String why) {
        reporter.error(Diagnostic.BAD_LIMITS, parameter, mirror, Annotations.explicit(mirror, name), name, value, why);
    }
}
