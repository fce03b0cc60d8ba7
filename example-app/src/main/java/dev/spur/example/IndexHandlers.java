package dev.spur.example;

import dev.spur.Route;
import dev.spur.runtime.RouteInfo;

import java.util.Comparator;
import java.util.List;

/** The API's index: what it is and which routes it serves, read from the generated route table. */
public final class IndexHandlers {

    /**
     * The index document.
     *
     * @param service the service's name
     * @param routes  every route as {@code METHOD /template [conditions] (hijack)}, by template
     */
    public record Index(String service, List<String> routes) {
    }

    private static final Index INDEX = new Index("Spur example: bookmarks with tags and notes",
            SpurRouter.routeTable().stream()
                    .filter(route -> !route.privateService())   // the private audit service is not public API
                    .sorted(Comparator.comparing(RouteInfo::template).thenComparing(RouteInfo::method))
                    .map(RouteInfo::describe)
                    .toList());

    private IndexHandlers() {
    }

    /** Lists the routes; a static handler method, so the router needs no instance of this class. */
    @Route(path = "/")
    public static Index index() {
        return INDEX;
    }
}
