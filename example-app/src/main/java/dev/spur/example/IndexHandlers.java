package dev.spur.example;

import dev.spur.Query;
import dev.spur.Route;

import java.util.Optional;

/** The API's index. */
public class IndexHandlers {

    /** Lists what the API offers. */
    @Route(path = "/")
    public String index() {
        return "Spur example API\n";
    }

    /** Greets someone. */
    @Route(path = "/hello/{name}")
    public String hello(String name, @Query Optional<String> greeting, @Query(defaultValue = "1") int times) {
        return (greeting.orElse("Hello") + ", " + name + "!\n").repeat(times);
    }
}
