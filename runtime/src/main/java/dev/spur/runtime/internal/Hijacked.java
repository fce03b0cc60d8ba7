package dev.spur.runtime.internal;

/**
 * The mark a generated router leaves on an exchange that a {@code @Hijack} took: what the hijack
 * does not answer is its own 404, which nothing outside the hijack (such as static content) may
 * answer instead.
 */
public enum Hijacked {
    /** The request was taken by a hijack. */
    TAKEN
}
