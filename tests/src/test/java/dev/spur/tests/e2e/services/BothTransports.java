package dev.spur.tests.e2e.services;

import dev.spur.runtime.SpurServer;
import dev.spur.tests.e2e.TestRouter;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A suite run over both binding transports: {@link #transports()} gives the inventory binding of a
 * router that runs every service (in process) and of a shop process whose inventory runs in
 * another server on loopback (over HTTP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BothTransports {

    TestRouter alone;
    SpurServer inventoryProcess;
    TestRouter shopRouter;
    SpurServer shopProcess;

    @BeforeAll
    void startProcesses() {
        alone = ServiceProcesses.router();
        inventoryProcess = ServiceProcesses.inventoryProcess();
        shopRouter = ServiceProcesses.router();
        shopProcess = ServiceProcesses.shopProcess(shopRouter, inventoryProcess, b -> { });
    }

    @AfterAll
    void stopProcesses() {
        shopProcess.stop();
        inventoryProcess.stop();
    }

    /** The transport's name and the inventory binding that takes it. */
    Stream<Arguments> transports() {
        return Stream.of(Arguments.of("in process", ServiceProcesses.inventoryOf(alone)),
                Arguments.of("over HTTP", ServiceProcesses.inventoryOf(shopRouter)));
    }
}
