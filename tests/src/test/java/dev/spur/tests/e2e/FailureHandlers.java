package dev.spur.tests.e2e;

import dev.spur.Route;
import dev.spur.runtime.HttpProblem;

import java.io.IOException;

/** Handlers that fail, for the error tests. */
public class FailureHandlers {

    /** Throws an unchecked exception whose message must not reach the client. */
    @Route(path = "/fail/runtime")
    public String runtime() {
        throw new RuntimeException("secret");
    }

    /** Throws a checked exception whose message must not reach the client. */
    @Route(path = "/fail/checked")
    public String checked() throws IOException {
        throw new IOException("secret checked");
    }

    /** Throws a Throwable that is neither an Exception nor an Error. */
    @Route(path = "/fail/throwable")
    public String throwable() throws Throwable {
        throw new Oddity("secret throwable");
    }

    /** Overflows the stack. */
    @Route(path = "/fail/overflow")
    public String overflow() {
        return String.valueOf(recurse(0));
    }

    /** Throws a client error on purpose. */
    @Route(method = Route.POST, path = "/fail/problem")
    public String problem() {
        throw new HttpProblem(409, "Conflict", "It is already there.");
    }

    /** A checked throwable outside the Exception hierarchy. */
    static final class Oddity extends Throwable {
        private static final long serialVersionUID = 1L;

        Oddity(String message) {
            super(message);
        }
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + depth;
    }
}
