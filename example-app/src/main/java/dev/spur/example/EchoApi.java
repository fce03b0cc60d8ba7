package dev.spur.example;

import dev.spur.Body;
import dev.spur.Hijack;
import dev.spur.Match;
import dev.spur.Route;
import io.helidon.webserver.http.ServerRequest;

/**
 * A pseudo-domain API: every request for host {@code echo.example.internal} is taken away from
 * the bookmarks API and answered here, whatever its path.
 */
@Hijack(@Match(host = "echo.example.internal"))
public class EchoApi {

    /** What an echo answers: the request as the server saw it. */
    public record Echo(String method, String path, String query, String body) {
    }

    /** Echoes any GET. */
    @Route(path = "/{*path}")
    public Echo get(String path, ServerRequest request) {
        return new Echo("GET", "/" + path, request.query().rawValue(), "");
    }

    /** Echoes any POST with its body. */
    @Route(method = "POST", path = "/{*path}")
    public Echo post(String path, ServerRequest request, @Body String body) {
        return new Echo("POST", "/" + path, request.query().rawValue(), body);
    }
}
