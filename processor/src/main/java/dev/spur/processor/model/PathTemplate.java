package dev.spur.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed path template: the source text and its segments, the first being the one after the
 * leading slash ({@code /} alone is one empty literal segment).
 */
public record PathTemplate(String source, List<Segment> segments) {

    /** Copies the segments. */
    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /** The template with parameter names removed: two routes with one shape match the same paths. */
    public String shape() {
        return segments.stream().map(Segment::shape).collect(Collectors.joining("/", "/", ""));
    }

    /** The index of the segment that binds {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Segment.Param p && p.name().equals(name)
                    || segment instanceof Segment.CatchAll c && c.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The names of the template's parameters, in order. */
    public List<String> parameterNames() {
        return segments.stream()
                .map(s -> switch (s) {
                    case Segment.Param p -> p.name();
                    case Segment.CatchAll c -> c.name();
                    case Segment.Literal l -> null;
                })
                .filter(n -> n != null)
                .toList();
    }
}
