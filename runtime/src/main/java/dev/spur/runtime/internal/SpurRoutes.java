package dev.spur.runtime.internal;

import io.helidon.common.Weighted;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;

/**
 * Spur's catch-all route as a Helidon routing feature of the lowest weight: Helidon registers
 * features by weight, so the routes of every other feature (observe endpoints such as
 * {@code /observe/health}, a user's own services) come first, and Spur's router answers all the
 * rest, its 404 problem included.
 */
public final class SpurRoutes implements HttpFeature, Weighted {

    /** Below every Helidon feature and the default weight (100) of plain routing. */
    static final double WEIGHT = 1;

    private final Handler dispatcher;

    /** The feature that routes every remaining request to {@code dispatcher}. */
    public SpurRoutes(Handler dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.any(dispatcher);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }
}
