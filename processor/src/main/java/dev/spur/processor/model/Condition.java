package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;

/** One condition of a {@code @Match}, already checked and normalised. */
public sealed interface Condition {

    /** A stable text used to compare condition sets (duplicates, hijack identity). */
    String canonical();

    /** Whether this is a {@code consumes} or {@code produces} condition (answered 415/406 when only it fails). */
    default boolean isMedia() {
        return this instanceof Consumes || this instanceof Produces;
    }

    /** The host, lower case, without trailing dot; {@code wildcard} for {@code *.domain} (host holds {@code .domain}). */
    record Host(String host, boolean wildcard) implements Condition {
        @Override
        public String canonical() {
            return "host=" + (wildcard ? "*" : "") + host;
        }
    }

    /** A header present ({@code value} null) or equal to a value. */
    record Header(String name, String value) implements Condition {
        @Override
        public String canonical() {
            return "header=" + name.toLowerCase(java.util.Locale.ROOT) + (value == null ? "" : "=" + value);
        }
    }

    /** A query parameter present ({@code value} null) or equal to a value. */
    record Query(String name, String value) implements Condition {
        @Override
        public String canonical() {
            return "query=" + name + (value == null ? "" : "=" + value);
        }
    }

    /** The request content type lies in one of the ranges. */
    record Consumes(List<String> ranges) implements Condition {
        @Override
        public String canonical() {
            return "consumes=" + String.join(",", ranges.stream().sorted().toList());
        }
    }

    /** One of the types is acceptable under {@code Accept}. */
    record Produces(List<String> types) implements Condition {
        @Override
        public String canonical() {
            return "produces=" + String.join(",", types.stream().sorted().toList());
        }
    }

    /** {@code https} ({@code secure}) or {@code http}. */
    record Scheme(boolean secure) implements Condition {
        @Override
        public String canonical() {
            return "scheme=" + (secure ? "https" : "http");
        }
    }

    /** The protocol version, {@code 1.0}, {@code 1.1} or {@code 2.0}. */
    record Version(String version) implements Condition {
        @Override
        public String canonical() {
            return "version=" + version;
        }
    }

    /** The local port. */
    record Port(int port) implements Condition {
        @Override
        public String canonical() {
            return "port=" + port;
        }
    }

    /** The Helidon listener's name. */
    record Listener(String name) implements Condition {
        @Override
        public String canonical() {
            return "listener=" + name;
        }
    }

    /** The peer lies in one of the networks (CIDRs as written, checked). */
    record Remote(List<String> networks) implements Condition {
        @Override
        public String canonical() {
            return "remote=" + String.join(",", networks.stream().sorted().toList());
        }
    }

    /** A {@code RequestMatcher} class, with the number of its type parameters (0 when it is not generic). */
    record Custom(ClassName type, int typeParameters) implements Condition {
        @Override
        public String canonical() {
            return "custom=" + type.canonicalName();
        }
    }
}
