package dev.spur.runtime.internal;

import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.SafePath;

/** Converts request text to a {@link SafePath}: an unsafe path is a 400 problem that says why and never echoes it. */
public final class SafePaths {

    private SafePaths() {
    }

    /** {@code value} as a safe path; else a 400 naming {@code what} ("path parameter 'file'"). */
    public static SafePath of(String value, String what) {
        try {
            return SafePath.of(value);
        } catch (IllegalArgumentException unsafe) {
            throw HttpProblem.badRequest(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                    + " must be a safe relative path, but " + unsafe.getMessage() + ".");
        }
    }
}
