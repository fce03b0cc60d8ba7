package dev.spur.processor.parse;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.model.PathTemplate;
import dev.spur.processor.model.Segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Parses path templates (pure logic: no javac types), following DESIGN "Paths". */
public final class TemplateParser {

    private TemplateParser() {
    }

    /** A template that breaks a rule: the diagnostic and its arguments. */
    public static final class TemplateException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;
        private final transient Object[] args;

        TemplateException(Diagnostic diagnostic, Object... args) {
            super(diagnostic.format(args));
            this.diagnostic = diagnostic;
            this.args = args.clone();
        }

        /** The rule that was broken. */
        public Diagnostic diagnostic() {
            return diagnostic;
        }

        /** The message arguments. */
        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * Checks a class-level prefix: empty, or a template without a catch-all that starts with
     * {@code /} and does not end with one.
     */
    public static void checkPrefix(String prefix) throws TemplateException {
        if (prefix.isEmpty()) {
            return;
        }
        if (prefix.endsWith("/")) {
            throw new TemplateException(Diagnostic.BAD_PATH, prefix,
                    "a class-level prefix must not end with '/'; write the slash in the method's path");
        }
        PathTemplate template = parse(prefix);
        if (template.segments().getLast() instanceof Segment.CatchAll catchAll) {
            throw new TemplateException(Diagnostic.CATCH_ALL_NOT_LAST, prefix, catchAll.name());
        }
    }

    /** Joins a (checked) class prefix and a method path and parses the result. */
    public static PathTemplate parse(String prefix, String path) throws TemplateException {
        if (path.isEmpty() && prefix.isEmpty()) {
            throw new TemplateException(Diagnostic.BAD_PATH, path, "it is empty; a path starts with '/'");
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new TemplateException(Diagnostic.BAD_PATH, path, "it must start with '/'");
        }
        return parse(prefix + path);
    }

    /** Parses a whole template. */
    public static PathTemplate parse(String source) throws TemplateException {
        if (Limits.tooLong(source)) {
            throw new TemplateException(Diagnostic.BAD_PATH, Limits.abbreviate(source), String.format(
                    "a path template is limited to %d bytes of UTF-8, and this one has %d",
                    Limits.MAX_BYTES, Limits.utf8Length(source)));
        }
        if (!source.startsWith("/")) {
            throw new TemplateException(Diagnostic.BAD_PATH, source, "it must start with '/'");
        }
        checkSurrogates(source);
        String[] parts = source.substring(1).split("/", -1);
        if (parts.length > Limits.MAX_SEGMENTS) {
            throw new TemplateException(Diagnostic.BAD_PATH, Limits.abbreviate(source), String.format(
                    "a path template is limited to %d segments, and this one has %d", Limits.MAX_SEGMENTS,
                    parts.length));
        }
        List<Segment> segments = new ArrayList<>(parts.length);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            Segment segment = segment(source, parts[i], i == parts.length - 1);
            String name = switch (segment) {
                case Segment.Param p -> p.name();
                case Segment.CatchAll c -> {
                    if (i != parts.length - 1) {
                        throw new TemplateException(Diagnostic.CATCH_ALL_NOT_LAST, source, c.name());
                    }
                    yield c.name();
                }
                case Segment.Literal l -> null;
            };
            if (name != null && !names.add(name)) {
                throw new TemplateException(Diagnostic.DUPLICATE_PARAM, source, name);
            }
            segments.add(segment);
        }
        return new PathTemplate(source, segments);
    }

    /**
     * Rejects an unpaired surrogate: it is no character, so it has no UTF-8 form a request could
     * send, and no encoding can write it into the generated router.
     */
    private static void checkSurrogates(String source) throws TemplateException {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < source.length()
                    && Character.isLowSurrogate(source.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new TemplateException(Diagnostic.BAD_PATH, escapeSurrogates(source), String.format(
                        "it has an unpaired surrogate \\u%04x at index %d, which is no character; write a whole "
                                + "code point (a surrogate pair) or remove it", (int) c, i));
            }
        }
    }

    /** {@code source} with each unpaired surrogate written as a {@code \}{@code uXXXX} escape, for messages. */
    private static String escapeSurrogates(String source) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < source.length()
                    && Character.isLowSurrogate(source.charAt(i + 1));
            if (pair) {
                out.append(c).append(source.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Segment segment(String source, String part, boolean last) throws TemplateException {
        if (part.isEmpty()) {
            if (!last) {
                throw new TemplateException(Diagnostic.BAD_PATH, source,
                        "it has an empty segment ('//'); only the last segment may be empty (a trailing slash)");
            }
            return new Segment.Literal("");
        }
        boolean braces = part.indexOf('{') >= 0 || part.indexOf('}') >= 0;
        if (!braces) {
            if (part.equals(".") || part.equals("..")) {
                throw new TemplateException(Diagnostic.BAD_PATH, source,
                        "segment '" + part + "' can never match, since requests with dot segments are rejected");
            }
            return new Segment.Literal(part);
        }
        if (!part.startsWith("{") || !part.endsWith("}") || part.indexOf('{', 1) >= 0
                || part.indexOf('}') != part.length() - 1) {
            throw new TemplateException(Diagnostic.BAD_PATH, source,
                    "segment '" + part + "' mixes text and braces; a parameter is a whole segment, {name} or {*name}");
        }
        String inner = part.substring(1, part.length() - 1);
        boolean catchAll = inner.startsWith("*");
        String name = catchAll ? inner.substring(1) : inner;
        if (!SourceVersion.isName(name)) {
            throw new TemplateException(Diagnostic.BAD_PATH, source,
                    "parameter name '" + name + "' is not a Java identifier");
        }
        return catchAll ? new Segment.CatchAll(name) : new Segment.Param(name);
    }
}
