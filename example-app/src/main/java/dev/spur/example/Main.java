package dev.spur.example;

import dev.spur.runtime.SpurServer;

/** Starts the example API on the port given as the first argument (default 8080), admin on the second (8081). */
public final class Main {

    private Main() {
    }

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        int adminPort = args.length > 1 ? Integer.parseInt(args[1]) : 8081;
        SpurServer server = SpurServer.builder(SpurRouter.create()).port(port).listener("admin", adminPort).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Spur example app listening on http://localhost:" + server.port() + "/ (admin on port "
                + server.port("admin") + ")");
    }
}
