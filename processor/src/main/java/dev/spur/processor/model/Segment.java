package dev.spur.processor.model;

/** One segment of a path template. */
public sealed interface Segment {

    /** A literal segment, compared with the decoded request segment. */
    record Literal(String text) implements Segment {
        /**
         * The literal in the canonical form generated routers compare against: {@code %} is
         * written {@code %25}, as the runtime writes a decoded {@code %}.
         */
        public String canonical() {
            return text.replace("%", "%25");
        }
    }

    /** {@code {name}}: one whole, non-empty segment. */
    record Param(String name) implements Segment {
    }

    /** {@code {*name}}: the non-empty rest of the path; only last. */
    record CatchAll(String name) implements Segment {
    }

    /** This segment's part of a template's shape: params are anonymous there. */
    default String shape() {
        return switch (this) {
            case Literal literal -> literal.text();
            case Param param -> "{}";
            case CatchAll catchAll -> "{*}";
        };
    }
}
