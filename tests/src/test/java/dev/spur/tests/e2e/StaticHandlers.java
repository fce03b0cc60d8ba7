package dev.spur.tests.e2e;

import dev.spur.Query;
import dev.spur.Route;

/** Only static handler methods: the router needs no instance of this class. */
public final class StaticHandlers {

    private StaticHandlers() {
    }

    /** Repeats a word in upper case. */
    @Route(path = "/static/{word}")
    public static String shout(String word, @Query(defaultValue = "1") int times) {
        return (word.toUpperCase(java.util.Locale.ROOT) + "!").repeat(times);
    }
}
