package dev.spur.processor.generate;

import com.palantir.javapoet.CodeBlock;

/**
 * Writes user text (path literals, header names, hosts, media types, default values) into
 * generated source: as string literals, and inside Javadoc.
 *
 * <p>JavaPoet's {@code $S} is not enough for arbitrary text: it leaves U+2028 and U+2029 raw, and
 * its writer breaks lines at every {@code \R}, so the literal is cut in two. In a comment, javac
 * still reads {@code \}{@code u} escapes, so {@code \}{@code u000a} ends a line comment and
 * {@code \}{@code uZZZZ} is an error. Both forms here are plain ASCII, which also keeps the router
 * independent of the compilation's {@code -encoding}.
 */
final class SourceText {

    private SourceText() {
    }

    /**
     * Characters of one literal when a text is split: a class file holds a string constant in at
     * most 65,535 UTF-8 bytes, and a character takes at most 3.
     */
    private static final int CHUNK = 8192;

    /**
     * A Java string literal whose value is {@code text}, in ASCII. A text too long for one string
     * constant (the description of many long {@code @Match} values) is joined at run time from
     * literals of {@link #CHUNK} characters: a {@code +} of literals would be folded into one
     * constant again.
     */
    static CodeBlock literal(String text) {
        if (text.length() <= CHUNK) {
            return chunk(text);
        }
        java.util.List<CodeBlock> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(chunk(text.substring(start, end)));
            start = end;
        }
        return CodeBlock.of("$T.join($S, $L)", String.class, "", CodeBlock.join(chunks, ", "));
    }

    private static CodeBlock chunk(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        // Never a line end here (handled above), so the escape cannot end the literal.
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return CodeBlock.of("$L", out.append('"').toString());
    }

    /**
     * {@code text} for a Javadoc comment, in ASCII: a comment end, a tag, a backslash (which could
     * start a unicode escape) and every character outside printable ASCII are escaped. Braces stay:
     * the templates they come from balance them.
     */
    static String javadoc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                out.append("*&#47;");
                i++;
            } else if (c == '@') {
                out.append("{@literal @}");
            } else if (c == '\\') {
                out.append("&#92;");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append("&#x").append(Integer.toHexString(text.codePointAt(i))).append(';');
                i++;
            } else {
                out.append("&#x").append(Integer.toHexString(c)).append(';');
            }
        }
        return out.toString();
    }

    /**
     * {@code text} for a line comment, in printable ASCII: any other character (which could end
     * the line or start a unicode escape) is a {@code ?}.
     */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '\\' ? c : '?');
        }
        return out.toString();
    }
}
