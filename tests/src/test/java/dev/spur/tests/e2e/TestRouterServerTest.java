package dev.spur.tests.e2e;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.support.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class served by the tests module's {@code TestRouter} on a loopback port, with one client. */
abstract class TestRouterServerTest {

    static SpurServer server;
    static RawHttp http;

    @BeforeAll
    static void startTestRouter() {
        server = E2e.serve(E2e.testRouter());
        http = RawHttp.local(server.port());
    }

    @AfterAll
    static void stopTestRouter() {
        http.close();
        server.stop();
    }
}
