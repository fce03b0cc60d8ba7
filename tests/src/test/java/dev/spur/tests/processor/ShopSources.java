package dev.spur.tests.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A representative application for the golden and determinism tests: a class-level prefix;
 * literal, parameter and catch-all routes; GET, POST, PUT and DELETE; an optional query
 * parameter; a header with a default; a JSON body record; {@code int}, {@code long}, UUID and
 * enum parameters; a void and a static handler method; one handler class that needs a
 * constructor argument and one that does not.
 */
final class ShopSources {

    /** The router generated for these sources by default. */
    static final String ROUTER = "shop.SpurRouter";

    static final JavaFileObject ORDER_STORE = JavaFileObjects.forSourceString("shop.OrderStore", """
            package shop;

            import java.util.List;
            import java.util.Optional;
            import java.util.UUID;

            /** Where orders live. */
            public interface OrderStore {

                /** Where an order stands. */
                enum Status { OPEN, SHIPPED, CANCELLED }

                /** An order as a client submits it. */
                record NewOrder(String item, int quantity) {
                }

                /** A stored order. */
                record Order(UUID id, String item, int quantity, Status status) {
                }

                List<Order> list(Optional<Status> status, int limit);

                Optional<Order> find(UUID id);

                Order add(NewOrder order);

                void setStatus(UUID id, Status status);

                void remove(UUID id);
            }
            """);

    static final JavaFileObject ORDER_HANDLERS = JavaFileObjects.forSourceString("shop.OrderHandlers", """
            package shop;

            import dev.spur.Body;
            import dev.spur.Header;
            import dev.spur.Query;
            import dev.spur.Route;
            import java.util.List;
            import java.util.Optional;
            import java.util.UUID;

            /** The order API; it needs its store, so the router's builder must be given an instance. */
            @Route(path = "/shop")
            public class OrderHandlers {

                private final OrderStore store;

                public OrderHandlers(OrderStore store) {
                    this.store = store;
                }

                @Route(path = "/")
                public static String index() {
                    return "shop";
                }

                @Route(path = "/orders")
                public List<OrderStore.Order> list(@Query Optional<OrderStore.Status> status,
                                                   @Header(value = "X-Page-Size", defaultValue = "20") int pageSize) {
                    return store.list(status, pageSize);
                }

                @Route(path = "/orders/latest")
                public Optional<OrderStore.Order> latest() {
                    return store.list(Optional.empty(), 1).stream().findFirst();
                }

                @Route(path = "/orders/{id}")
                public Optional<OrderStore.Order> get(UUID id) {
                    return store.find(id);
                }

                @Route(method = Route.POST, path = "/orders")
                public OrderStore.Order create(@Body OrderStore.NewOrder order) {
                    return store.add(order);
                }

                @Route(method = Route.PUT, path = "/orders/{id}/status/{status}")
                public void setStatus(UUID id, OrderStore.Status status) {
                    store.setStatus(id, status);
                }

                @Route(method = Route.DELETE, path = "/orders/{id}")
                public void delete(UUID id) {
                    store.remove(id);
                }

                @Route(path = "/customers/{customer}/orders/{number}")
                public String byNumber(long customer, int number) {
                    return customer + "/" + number;
                }

                @Route(path = "/files/{*path}")
                public static String file(String path) {
                    return path;
                }
            }
            """);

    static final JavaFileObject HEALTH_HANDLERS = JavaFileObjects.forSourceString("shop.HealthHandlers", """
            package shop;

            import dev.spur.Header;
            import dev.spur.Route;
            import java.util.Optional;

            /** Liveness; created by the router itself, as it has a public no-argument constructor. */
            public class HealthHandlers {

                @Route(path = "/health")
                public String health(@Header("X-Probe") Optional<String> probe) {
                    return probe.orElse("up");
                }
            }
            """);

    private ShopSources() {
    }

    /** All sources, in a fixed order. */
    static JavaFileObject[] all() {
        return new JavaFileObject[] {ORDER_STORE, ORDER_HANDLERS, HEALTH_HANDLERS};
    }
}
