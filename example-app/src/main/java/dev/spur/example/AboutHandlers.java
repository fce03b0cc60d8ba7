package dev.spur.example;

import dev.spur.Match;
import dev.spur.Route;

/**
 * {@code GET /about} three ways: version 2 of the API when {@code X-Api-Version: 2} is sent, and
 * otherwise JSON or text as the {@code Accept} header prefers.
 */
public class AboutHandlers {

    /** Version 1 of the description. */
    public record About(String name, String version) {
    }

    /** Version 2 adds the features. */
    public record AboutV2(String name, String apiVersion, java.util.List<String> features) {
    }

    /** Version 2, chosen by header. */
    @Route(path = "/about")
    @Match(header = "X-Api-Version=2", produces = "application/json")
    public AboutV2 aboutV2() {
        return new AboutV2("spur-example", "2", java.util.List.of("bookmarks", "tags", "echo", "admin"));
    }

    /** Version 1 as JSON. */
    @Route(path = "/about")
    @Match(produces = "application/json")
    public About aboutJson() {
        return new About("spur-example", "1");
    }

    /** Version 1 as text. */
    @Route(path = "/about")
    @Match(produces = "text/plain")
    public String aboutText() {
        return "spur-example, API version 1\n";
    }
}
