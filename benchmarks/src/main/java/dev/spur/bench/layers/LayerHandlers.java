package dev.spur.bench.layers;

import dev.spur.Layer;
import dev.spur.Route;

/**
 * The two routes of the layer benchmarks, with identical handlers: {@code GET /plain/{id}} with
 * no layer and {@code GET /layer/{id}} inside three trivial pass-through layers (paths of the same
 * length, so that routing them costs and allocates the same). Compiled by
 * the processor in this module into {@link LayerRouter} (its own compilation, see the pom).
 */
public class LayerHandlers {

    /** The route without layers. */
    @Route(path = "/plain/{id}")
    public String plain(String id) {
        return answer(id);
    }

    /** The same handler inside three layers, outermost first. */
    @Route(path = "/layer/{id}")
    @Layer({MethodGuard.class, ProxyHopLimit.class, ErrorCount.class})
    public String layered(String id) {
        return answer(id);
    }

    private static String answer(String id) {
        return id.length() == 1 ? "ok\n" : "ok " + id + "\n";
    }
}
