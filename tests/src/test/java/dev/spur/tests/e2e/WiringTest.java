package dev.spur.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How handler instances reach the generated router: created, supplied, required or not needed. */
class WiringTest {

    @Test
    void aHandlerNeedingAConstructorArgumentIsSuppliedThroughTheBuilder() throws IOException {
        TestRouter router = TestRouter.builder().greetingHandlers(new GreetingHandlers("Bonjour")).build();
        try (SpurServer server = E2e.serve(router); RawHttp http = RawHttp.local(server.port())) {
            RawHttp.Answer answer = http.send("GET", "/greet/Ana%C3%AFs");
            assertEquals(200, answer.status());
            assertEquals("Bonjour, Ana\u00efs!", answer.text());
        }
    }

    @Test
    void buildWithoutARequiredHandlerFailsNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> TestRouter.builder().build());
        assertEquals("TestRouter needs an instance of GreetingHandlers: call builder().greetingHandlers(...)", e.getMessage());
    }

    @Test
    void aRouterWithARequiredHandlerHasNoCreateMethod() {
        assertTrue(Arrays.stream(TestRouter.class.getMethods()).noneMatch(m -> m.getName().equals("create")));
    }

    @Test
    void aDefaultConstructibleHandlerIsCreatedWhenNoneIsSupplied() throws IOException {
        try (SpurServer server = E2e.serve(E2e.testRouter()); RawHttp http = RawHttp.local(server.port())) {
            assertEquals("1", http.send("POST", "/counter").text());
            assertEquals("2", http.send("POST", "/counter").text());
        }
    }

    @Test
    void aSuppliedInstanceReplacesTheDefaultOne() throws IOException {
        TestRouter router = TestRouter.builder()
                .greetingHandlers(new GreetingHandlers("Hi"))
                .counterHandlers(new CounterHandlers(100))
                .build();
        try (SpurServer server = E2e.serve(router); RawHttp http = RawHttp.local(server.port())) {
            assertEquals("101", http.send("POST", "/counter").text());
        }
    }

    @Test
    void staticHandlerMethodsNeedNoInstance() throws IOException {
        assertTrue(Arrays.stream(TestRouter.Builder.class.getMethods())
                .noneMatch(m -> m.getName().equals("staticHandlers")));
        try (SpurServer server = E2e.serve(E2e.testRouter()); RawHttp http = RawHttp.local(server.port())) {
            RawHttp.Answer answer = http.send("GET", "/static/hey?times=2");
            assertEquals(200, answer.status());
            assertEquals("HEY!HEY!", answer.text());
        }
    }

    @Test
    void theSameRouterServesSeveralListeners() throws IOException {
        try (SpurServer server = SpurServer.builder(E2e.testRouter()).host("127.0.0.1").port(0)
                .listener("admin", 0).start();
             RawHttp main = RawHttp.local(server.port());
             RawHttp admin = RawHttp.local(server.port("admin"))) {
            assertTrue(server.port() != server.port("admin"));
            assertEquals("Hello, main!", main.send("GET", "/greet/main").text());
            assertEquals("Hello, admin!", admin.send("GET", "/greet/admin").text());
        }
    }

    @Test
    void theRouteTableListsEveryRoute() {
        TestRouter router = E2e.testRouter();
        assertEquals(TestRouter.routeTable(), router.routes());
        assertTrue(router.routes().stream().anyMatch(r -> r.method().equals("GET")
                && r.template().equals("/greet/{name}") && r.handler().equals("GreetingHandlers.greet")),
                router.routes()::toString);
        assertTrue(router.routes().stream().anyMatch(r -> r.method().equals("PURGE")
                && r.template().equals("/r/cache/{key}")), router.routes()::toString);
    }
}
