package dev.spur.bench.startup;

import dev.spur.Query;
import dev.spur.Route;
import dev.spur.runtime.SpurServer;

import java.util.Optional;

/**
 * The Spur side of the like-for-like start-up comparison: exactly the two routes of
 * {@link HelidonHelloMain}, as Spur handlers, served by {@code SpurServer} with its defaults.
 * Argument: the port (default 8080).
 */
public final class SpurHelloMain {

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        SpurServer server = SpurServer.builder(HelloRouter.create()).port(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Spur hello app listening on http://localhost:" + server.port() + "/");
    }

    /** The index. */
    @Route(path = "/")
    public String index() {
        return "Spur example API\n";
    }

    /** Greets someone. */
    @Route(path = "/hello/{name}")
    public String hello(String name, @Query Optional<String> greeting, @Query(defaultValue = "1") int times) {
        return (greeting.orElse("Hello") + ", " + name + "!\n").repeat(times);
    }
}
