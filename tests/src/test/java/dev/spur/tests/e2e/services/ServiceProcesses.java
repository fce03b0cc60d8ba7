package dev.spur.tests.e2e.services;

import dev.spur.runtime.SpurServer;
import dev.spur.runtime.services.Services;
import dev.spur.tests.e2e.GreetingHandlers;
import dev.spur.tests.e2e.InventoryBinding;
import dev.spur.tests.e2e.TestRouter;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The test application's services on loopback, in the two shapes a deployment takes: every service
 * in one process, or the private inventory in a process of its own, reached over HTTP on its
 * internal listener by the process that runs the shop.
 */
final class ServiceProcesses {

    /** The shared credential of the internal listener in these tests. */
    static final String CREDENTIAL = "services-test-credential-0123";

    private ServiceProcesses() {
    }

    /** A fresh router of the test application (its own handler and layer instances). */
    static TestRouter router() {
        return TestRouter.builder().greetingHandlers(new GreetingHandlers("Hello")).build();
    }

    /** The binding to the inventory that {@code router}'s shop uses. */
    static InventoryBinding inventoryOf(TestRouter router) {
        Services services = router.services().orElseThrow();
        return new InventoryBinding(services.binding("inventory"));
    }

    /** Every service in one process, with an internal listener too. */
    static SpurServer oneProcess(TestRouter router) {
        return SpurServer.builder(router).host("127.0.0.1").port(0).internalListener(0, CREDENTIAL).start();
    }

    /** The inventory alone, on a public and an internal listener. */
    static SpurServer inventoryProcess() {
        return SpurServer.builder(router()).host("127.0.0.1").port(0).services("inventory")
                .internalListener(0, CREDENTIAL).start();
    }

    /** The shop alone ({@code router}), its inventory binding over HTTP to {@code inventory}'s internal listener. */
    static SpurServer shopProcess(TestRouter router, SpurServer inventory, Consumer<SpurServer.Builder> settings) {
        return shopProcess(router, URI.create("http://127.0.0.1:" + inventory.port(SpurServer.INTERNAL_LISTENER)),
                settings);
    }

    /** The shop alone ({@code router}), its inventory binding over HTTP to {@code base}. */
    static SpurServer shopProcess(TestRouter router, URI base, Consumer<SpurServer.Builder> settings) {
        SpurServer.Builder builder = SpurServer.builder(router).host("127.0.0.1").port(0).services("shop", "default")
                .binding("inventory", base, Duration.ofSeconds(5)).internalCredential(CREDENTIAL);
        settings.accept(builder);
        return builder.start();
    }
}
