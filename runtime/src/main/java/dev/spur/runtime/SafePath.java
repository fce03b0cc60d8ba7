package dev.spur.runtime;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relative path taken from a request that cannot name anything outside the directory it is
 * resolved in: bind a catch-all to it ({@code @Route(path = "/files/{*file}") ... (SafePath file)})
 * or to {@code java.nio.file.Path}, and a path that is not safe is a 400 problem before the
 * handler runs.
 *
 * <p>The path is checked <em>after</em> percent-decoding, segment by segment (segments are
 * separated by {@code /}, also one that arrived as {@code %2F}). A segment is refused when it is
 * empty (a leading {@code /}, {@code //}, a trailing {@code /}), {@code .} or {@code ..}; when it
 * holds a backslash, a NUL or another control character, a {@code :} (a Windows drive or stream
 * name) or a {@code %} (left only by double encoding such as {@code %252e}); when it ends with a
 * dot or a space (Windows drops them, so {@code ..\u0020} would be {@code ..}); and when its Unicode
 * compatibility form (NFKC) would be any of these, as {@code \uFF0E\uFF0E} (full-width dots) is
 * {@code ..}. Overlong UTF-8 ({@code %c0%ae}) and a decoded NUL never get this far: the router
 * refuses them for every route.
 */
public final class SafePath {

    private final List<String> segments;

    private SafePath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The safe path {@code relative} ({@code docs/guide.html}); an unsafe one is an {@link IllegalArgumentException} saying why. */
    public static SafePath of(String relative) {
        List<String> segments = new ArrayList<>();
        String problem = check(Objects.requireNonNull(relative, "relative"), segments);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SafePath(segments);
    }

    /** Why {@code relative} is not a safe path, or empty when it is one. */
    public static Optional<String> problem(String relative) {
        return Optional.ofNullable(check(Objects.requireNonNull(relative, "relative"), new ArrayList<>()));
    }

    private static String check(String relative, List<String> segments) {
        if (relative.isEmpty()) {
            return "it is empty";
        }
        int start = 0;
        while (true) {
            int end = relative.indexOf('/', start);
            String segment = relative.substring(start, end < 0 ? relative.length() : end);
            String problem = segmentProblem(segment);
            if (problem != null) {
                return problem;
            }
            segments.add(segment);
            if (end < 0) {
                return null;
            }
            start = end + 1;
        }
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "it has an empty segment (a leading, doubled or trailing '/')";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "it has a '" + segment + "' segment";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') {
                return "it has a backslash";
            }
            if (c < 0x20 || c == 0x7f) {
                return "it has a control character";
            }
            if (c == ':') {
                return "it has a ':'";
            }
            if (c == '%') {
                return "it has a '%' after decoding (double encoding)";
            }
        }
        char last = segment.charAt(segment.length() - 1);
        if (last == '.' || last == ' ') {
            return "a segment ends with a dot or a space";
        }
        String compatible = Normalizer.normalize(segment, Normalizer.Form.NFKC);
        if (!compatible.equals(segment) && segmentProblem(compatible) != null || compatible.indexOf('/') >= 0) {
            return "a segment reads as a separator or dot segment once Unicode-normalised";
        }
        return null;
    }

    /** The segments, in order ({@code [docs, guide.html]}). */
    public List<String> segments() {
        return segments;
    }

    /** The last segment ({@code guide.html}). */
    public String fileName() {
        return segments.getLast();
    }

    /** This path as a relative {@link Path} of the default file system. */
    public Path toPath() {
        return Path.of(segments.getFirst(), segments.subList(1, segments.size()).toArray(String[]::new));
    }

    /**
     * This path resolved in {@code root}: always {@code root} or below it (symbolic links inside
     * {@code root} are not followed here; check {@link Path#toRealPath} when they may point out).
     */
    public Path resolveIn(Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base;
        for (String segment : segments) {
            resolved = resolved.resolve(segment);
        }
        resolved = resolved.normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("'" + this + "' leaves " + base);
        }
        return resolved;
    }

    /** The path with {@code /} between segments ({@code docs/guide.html}). */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SafePath that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
