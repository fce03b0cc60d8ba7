package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.spur.processor.model.ParamModel;

/** The generated code of a streamed parameter: its type and the runtime call that opens it. */
final class StreamTypes {

    private static final ClassName MULTIPART = ClassName.get(RuntimeTypes.RUNTIME, "Multipart");
    private static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
    private static final ClassName SSE_SINK = ClassName.get("io.helidon.webserver.sse", "SseSink");
    private static final ClassName UPLOADS = ClassName.get(RuntimeTypes.INTERNAL, "Uploads");
    private static final ClassName EVENTS = ClassName.get(RuntimeTypes.INTERNAL, "Events");

    private StreamTypes() {
    }

    /** The parameter's declared type. */
    static ClassName type(ParamModel.Streamed param) {
        return switch (param.kind()) {
            case MULTIPART -> MULTIPART;
            case BODY -> INPUT_STREAM;
            case EVENTS -> SSE_SINK;
        };
    }

    /** The expression that opens it on {@code exchange}. */
    static CodeBlock read(ParamModel.Streamed param) {
        return switch (param.kind()) {
            case MULTIPART -> CodeBlock.of("$T.multipart(exchange, $LL, $LL, $L, $L)", UPLOADS,
                    param.limits().maxPartSize(), param.limits().maxSize(), param.limits().maxParts(),
                    param.limits().maxHeaderSize());
            case BODY -> CodeBlock.of("$T.stream(exchange)", UPLOADS);
            case EVENTS -> CodeBlock.of("$T.open(exchange)", EVENTS);
        };
    }
}
