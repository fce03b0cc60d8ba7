package dev.spur.tests.e2e.services;

import dev.spur.Route;
import dev.spur.Service;

/** A public service that answers only on its own host. */
@Service(name = "partner", host = "partner.example")
public class PartnerHandlers {

    /** Always {@code pong}. */
    @Route(path = "/partner/ping")
    public String ping() {
        return "pong";
    }
}
