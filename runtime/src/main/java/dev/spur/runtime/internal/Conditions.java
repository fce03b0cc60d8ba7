package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import io.helidon.http.HeaderName;
import io.helidon.http.HttpMediaType;
import dev.spur.runtime.Exchange;

import java.util.List;
import java.util.Optional;

/**
 * The request conditions of {@code @Match}, called from the straight-line code the processor
 * generates at each node of the matcher tree. Patterns arrive pre-parsed (constants of the
 * generated router), so each check is a comparison, not an interpretation.
 */
public final class Conditions {

    private static final String ACCEPT_GRAMMAR = "each range is type/subtype with an optional q between 0 and 1.";


    private Conditions() {
    }

    /**
     * Whether the request's host (the {@code Host} header or HTTP/2 {@code :authority}, without
     * port and trailing dot, case-insensitive) is {@code host}.
     */
    public static boolean host(Exchange exchange, String host) {
        String authority = exchange.authority();
        if (authority == null) {
            return false;
        }
        int end = hostEnd(authority);
        return end == host.length() && authority.regionMatches(true, 0, host, 0, end);
    }

    /** Whether the request's host is a proper subdomain of {@code domain} ({@code .example.com}). */
    public static boolean hostUnder(Exchange exchange, String suffix) {
        String authority = exchange.authority();
        if (authority == null) {
            return false;
        }
        int end = hostEnd(authority);
        return end > suffix.length() && authority.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
    }

    /** Where the host name ends in an authority: before a {@code :port} and a trailing dot. */
    private static int hostEnd(String authority) {
        int end = authority.length();
        if (!authority.startsWith("[")) {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                end = colon;
            }
        } else {
            int bracket = authority.indexOf(']');
            end = bracket < 0 ? end : bracket + 1;
        }
        if (end > 0 && authority.charAt(end - 1) == '.') {
            end--;
        }
        return end;
    }

    /** Whether the header is present. */
    public static boolean header(Exchange exchange, HeaderName name) {
        return exchange.headers().contains(name);
    }

    /** Whether one of the header's values equals {@code value}. */
    public static boolean header(Exchange exchange, HeaderName name, String value) {
        List<String> values = exchange.headers().values(name);
        for (String candidate : values) {
            if (candidate.trim().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the query parameter is present. */
    public static boolean query(Exchange exchange, String name) {
        return exchange.query().contains(name);
    }

    /** Whether one of the query parameter's values equals {@code value}. */
    public static boolean query(Exchange exchange, String name, String value) {
        return exchange.query().contains(name) && exchange.query().all(name).contains(value);
    }

    /** Whether the request's {@code Content-Type} lies in one of {@code ranges}. */
    public static boolean consumes(Exchange exchange, List<MediaRange> ranges) {
        Optional<HttpMediaType> contentType;
        try {
            contentType = exchange.headers().contentType();
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("The Content-Type header is not a valid media type.");
        }
        if (contentType.isEmpty()) {
            return false;
        }
        for (MediaRange range : ranges) {
            if (range.includes(contentType.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The quality (0 to 1) with which the request's {@code Accept} takes the best of
     * {@code produced}: for each produced type the most specific accepted range that includes it
     * gives its q-value. No {@code Accept} accepts everything with quality 1.
     */
    public static double quality(Exchange exchange, List<MediaRange> produced) {
        // (RFC 9110 12.4.2: a qvalue is 0 to 1 with at most three decimals; anything else is a 400)
        List<HttpMediaType> accepted;
        try {
            accepted = exchange.headers().acceptedTypes();
            for (HttpMediaType range : accepted) {
                double q = range.qualityFactor();   // parsed lazily by Helidon
                if (!(q >= 0 && q <= 1)) {
                    throw new NumberFormatException("q out of range");
                }
            }
        } catch (RuntimeException malformed) {
            // a q-value that is no number (q=abc, q=0x1) or out of range, a range that is no media type
            throw HttpProblem.badRequest("The Accept header is malformed: " + ACCEPT_GRAMMAR);
        }
        if (accepted.isEmpty()) {
            return 1.0;
        }
        double best = 0;
        for (MediaRange type : produced) {
            int specificity = -1;
            double q = 0;
            for (HttpMediaType range : accepted) {
                int s = MediaRange.specificity(range);
                if (s > specificity && type.acceptedBy(range)) {
                    specificity = s;
                    q = range.qualityFactor();
                }
            }
            best = Math.max(best, q);
        }
        return best;
    }

    /** Whether the request came over TLS ({@code https}). */
    public static boolean secure(Exchange exchange) {
        return exchange.secure();
    }

    /** Whether the request's HTTP version is {@code version} ({@code 1.0}, {@code 1.1} or {@code 2.0}). */
    public static boolean version(Exchange exchange, String version) {
        return exchange.protocolVersion().equals(version);
    }

    /** Whether the request arrived on local port {@code port}. */
    public static boolean port(Exchange exchange, int port) {
        return exchange.localPort() == port;
    }

    /** Whether the request arrived on the Helidon listener named {@code name}. */
    public static boolean listener(Exchange exchange, String name) {
        return exchange.listener().equals(name);
    }

    /** Whether the peer's address lies in one of {@code networks}. */
    public static boolean remote(Exchange exchange, List<Cidr> networks) {
        java.net.InetAddress address = exchange.remoteAddress().orElse(null);
        if (address == null) {
            return false;
        }
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
    /**
     * Refuses, with a 400, a request whose host is not well formed: host matchers compare
     * case-insensitively without port and trailing dot, so a host with an empty label
     * ({@code a..b}, {@code .a}) is no host at all, and must not slip past a hijack.
     */
    public static void requireWellFormedHost(Exchange exchange) {
        if (!wellFormedHost(exchange.authority())) {
            throw HttpProblem.badRequest("The Host header is not a valid host name and port.");
        }
    }

    /**
     * Whether the authority's host has no empty label, a single trailing dot (the DNS root) aside,
     * and its port, if any, is digits up to 65535. Helidon has already checked the characters and
     * IP literals; null (no Host at all, which Helidon refuses for HTTP/1.1) passes.
     */
    static boolean wellFormedHost(String authority) {
        if (authority == null) {
            return true;
        }
        int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
        int colon = authority.indexOf(':', Math.max(close, 0));
        if (colon >= 0 && !validPort(authority.substring(colon + 1))) {
            return false;
        }
        if (authority.startsWith("[")) {
            return true;
        }
        int end = colon < 0 ? authority.length() : colon;
        if (end > 0 && authority.charAt(end - 1) == '.') {
            end--;
        }
        if (end == 0 || authority.charAt(0) == '.') {
            return false;
        }
        int doubleDot = authority.indexOf("..");
        return doubleDot < 0 || doubleDot >= end;
    }

    /** A port is ASCII digits (RFC 3986 3.2.3), here at most 65535; an empty one means the default. */
    private static boolean validPort(String port) {
        if (port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return port.isEmpty() || Integer.parseInt(port) <= 65535;
    }

}
