package dev.spur.runtime;

import dev.spur.runtime.internal.Dispatcher;
import io.helidon.common.Weighted;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generated {@link Router} as a Helidon routing feature, for an application that builds its own
 * Helidon {@code WebServer}:
 * <pre>{@code
 * WebServer.builder()
 *         .routing(routing -> routing
 *                 .get("/legacy", (req, res) -> res.send("mine"))
 *                 .addFeature(SpurFeature.create(SpurRouter.create())))
 *         .build().start();
 * }</pre>
 * Every request no other route of the routing takes goes to the router, which answers as under
 * {@link SpurServer}: the same matching, layers and {@code application/problem+json} problems
 * (404, 405, 406, 415, 400 for bad parameters). The feature has the lowest weight, so the user's
 * own routes and Helidon's features (observe endpoints) come first whatever the order they were
 * added in.
 *
 * <p>What {@link SpurServer} adds at the listener is not part of a routing feature: the strict
 * HTTP/1.1 framing guard (request smuggling defences, one framing per message, 505 for unknown
 * versions), the problem answers for requests Helidon refuses before routing (431, 414, 413), and
 * Spur's limits. A server built this way reads HTTP/1.1 with Helidon's own parser; see
 * SECURITY.md.
 */
public final class SpurFeature implements HttpFeature, Weighted {

    /** Below every Helidon feature and the default weight (100) of plain routing. */
    private static final double WEIGHT = 1;

    private final Dispatcher dispatcher;

    private SpurFeature(Router router, List<Layer> layers) {
        this.dispatcher = new Dispatcher(router, layers);
    }

    /** The feature routing every remaining request to {@code router}. */
    public static SpurFeature create(Router router) {
        return builder(router).build();
    }

    /** A builder for a feature around {@code router}, for application-level layers. */
    public static Builder builder(Router router) {
        return new Builder(Objects.requireNonNull(router, "router"));
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.any(dispatcher);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    /** Builds a {@link SpurFeature}. */
    public static final class Builder {

        private final Router router;
        private final List<Layer> layers = new ArrayList<>();

        private Builder(Router router) {
            this.router = router;
        }

        /** Adds an application-level {@link Layer}; layers run in the order added, the first outermost. */
        public Builder layer(Layer layer) {
            layers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /** The feature. */
        public SpurFeature build() {
            return new SpurFeature(router, List.copyOf(layers));
        }
    }
}
