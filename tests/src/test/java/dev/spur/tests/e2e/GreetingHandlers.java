package dev.spur.tests.e2e;

import dev.spur.Route;

/** Needs a constructor argument, so the router's builder must be given an instance. */
public class GreetingHandlers {

    private final String greeting;

    /** Greets with {@code greeting}. */
    public GreetingHandlers(String greeting) {
        this.greeting = greeting;
    }

    /** Greets someone. */
    @Route(path = "/greet/{name}")
    public String greet(String name) {
        return greeting + ", " + name + "!";
    }
}
