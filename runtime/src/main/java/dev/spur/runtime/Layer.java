package dev.spur.runtime;

/**
 * Middleware on the {@link Exchange}. Declared with {@code @Layer} on the application (the
 * router package's {@code package-info.java}), a handler class or a route method, a layer runs
 * for every request its routes take, outermost first (application, class, method; declaration
 * order at each level); the processor generates each route's chain as direct calls. Added with
 * {@link SpurServer.Builder#layer(Layer)}, it wraps everything the server answers, outside the
 * generated application layers.
 *
 * <p>A layer may:
 * <ul>
 *   <li>answer by itself and not proceed (a fallible layer: {@code exchange.respond(...)} a 401
 *       and return, and the route's handler never runs);</li>
 *   <li>call {@code next.proceed(exchange)} and post-process the answer, which is still on the
 *       exchange: its status (the real one, problems included), headers and body;</li>
 *   <li>after {@code next.proceed(exchange)}, turn the exception behind the answer
 *       ({@link Exchange#failure()}) into another answer.</li>
 * </ul>
 * {@code next.proceed} never throws: what the inner layers or the handler threw is an answer by
 * then. What a layer itself throws is answered like a handler's exception (an
 * {@link HttpProblem} as its problem, anything else as a 500) for the layers outside it.
 *
 * <p>One instance serves every request: a layer must be thread-safe. The router creates it with
 * its public no-argument constructor, or takes it from the generated builder.
 */
@FunctionalInterface
public interface Layer {

    /** Handles one request; {@code next.proceed(exchange)} runs what is inside this layer. */
    void handle(Exchange exchange, Next next) throws Exception;

    /** What is inside a layer: the inner layers, then the route's handler (or the router's own answer). */
    @FunctionalInterface
    interface Next {
        /** Runs the inner layers and the handler; their exceptions are answers on the exchange when it returns. */
        void proceed(Exchange exchange);
    }
}
