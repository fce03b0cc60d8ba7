package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import dev.spur.runtime.HttpProblem;
import dev.spur.runtime.RouteInfo;
import dev.spur.runtime.Router;
import dev.spur.runtime.SafePath;
import dev.spur.runtime.StaticContent;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Static content mounted under path prefixes, served through Helidon's static-content handlers
 * where the router finds no route: a {@code GET} or {@code HEAD} request that no route of any
 * method matches, that no hijack took, and whose path lies under a prefix. It is asked from the
 * router's own 404 ({@link Responses#noRoute}), so it sits inside the application layers like a
 * route, and routes always come first.
 *
 * <p>The part of the path below the prefix is decoded by Spur's router and must be a
 * {@link SafePath} (else 400); a {@code .class} file or a hidden segment is never served (404).
 * Helidon's handler then sees only that relative path, and answers over Helidon's response itself
 * (content type, {@code ETag}, {@code Last-Modified}, 304, ranges), so layers see its status.
 */
public final class StaticFiles implements Router {

    /** One prefix, the Helidon handler behind it, and the service that made it (stopped with the server). */
    private record Mount(String prefix, Handler handler, HttpService service) {
    }

    private final Router router;
    private final List<Mount> mounts;

    private StaticFiles(Router router, List<Mount> mounts) {
        this.router = router;
        this.mounts = mounts;
    }

    /** {@code router} with {@code content} served under each prefix (no mounts: {@code router} itself). */
    public static Router around(Router router, Map<String, StaticContent> content) {
        if (content.isEmpty()) {
            return router;
        }
        List<Mount> mounts = new ArrayList<>();
        content.forEach((prefix, files) -> {
            HttpService service = service(files);
            mounts.add(new Mount(prefix.equals("/") ? "" : prefix, handler(service), service));
        });
        // the longest prefix first: /assets/img before /assets
        mounts.sort(Comparator.comparing((Mount m) -> m.prefix().length()).reversed());
        return new StaticFiles(router, List.copyOf(mounts));
    }

    /** A mount prefix: {@code /} or literal segments without a trailing slash ({@code /assets}); else an exception. */
    public static String checkPrefix(String prefix) {
        if (prefix.equals("/")) {
            return prefix;
        }
        if (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("{") || prefix.contains("}")
                || SafePath.problem(prefix.substring(1)).isPresent()) {
            throw new IllegalArgumentException("A static content prefix is '/' or literal segments such as '/assets', "
                    + "without a trailing '/', parameters or dot segments: '" + prefix + "'");
        }
        return prefix;
    }

    @Override
    public void route(Exchange exchange) {
        exchange.attribute(StaticFiles.class, this);
        router.route(exchange);
    }

    @Override
    public List<RouteInfo> routes() {
        return router.routes();
    }

    @Override
    public java.util.Optional<dev.spur.runtime.services.Services> services() {
        return router.services();
    }

    /**
     * Answers {@code exchange}, which no route took, from static content when it may: true when
     * a file was served (or a 304), false when there is none for it; an unsafe path is a 400.
     */
    static boolean answer(Exchange exchange) {
        StaticFiles files = exchange.attribute(StaticFiles.class).orElse(null);
        if (files == null || exchange.attribute(Hijacked.class).isPresent()
                || !(exchange instanceof NetworkExchange network)
                || !exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            return false;
        }
        String path = exchange.path();
        for (Mount mount : files.mounts) {
            if (path.startsWith(mount.prefix() + "/")) {
                return serve(network, mount, RequestPath.decodedPart(path, mount.prefix().length() + 1, path.length()));
            }
        }
        return false;
    }

    private static boolean serve(NetworkExchange exchange, Mount mount, String rest) {
        String relative = "";
        if (!rest.isEmpty()) {
            SafePath safe = SafePaths.of(rest, "the path below " + mount.prefix());
            for (String segment : safe.segments()) {
                if (segment.startsWith(".")) {
                    return false;
                }
            }
            if (safe.fileName().toLowerCase(Locale.ROOT).endsWith(".class")) {
                return false;
            }
            relative = safe.toString();
        }
        ServerResponse response = exchange.wireResponse();
        try {
            mount.handler().handle(new RelativeRequest(exchange.request(), relative), response);
        } catch (HttpException conditional) {
            int status = conditional.status().code();
            if (status == 304) {
                // If-None-Match or If-Modified-Since held: Helidon has set ETag/Last-Modified already
                conditional.headers().forEach(header -> exchange.responseHeaders().set(header));
                exchange.respond(304, null, null);
                return true;
            }
            if (status >= 500) {
                throw conditional;
            }
            throw new HttpProblem(status, conditional.status().reasonPhrase(), conditional.status().reasonPhrase() + ".");
        } catch (Exception e) {
            throw new IllegalStateException("Static content failed for " + exchange.rawPath(), e);
        }
        if (response instanceof RoutingResponse routing && routing.isNexted()) {
            // Helidon's handler found no file: it asked for the next route, which is this 404
            routing.resetRouting();
            return false;
        }
        return true;
    }

    /** Releases what Helidon's static-content services hold (their caches): the server calls it when it stops. */
    public void stop() {
        mounts.forEach(mount -> mount.service().afterStop());
    }

    /** Helidon's static-content service for {@code content}. */
    private static HttpService service(StaticContent content) {
        HttpService service;
        if (content.classpathLocation().isPresent()) {
            ClasspathHandlerConfig.Builder config = ClasspathHandlerConfig.builder()
                    .location(content.classpathLocation().get());
            content.welcome().ifPresent(config::welcome);
            service = StaticContentFeature.createService(config.build());
        } else {
            FileSystemHandlerConfig.Builder config = FileSystemHandlerConfig.builder()
                    .location(content.directory().orElseThrow());
            content.welcome().ifPresent(config::welcome);
            service = StaticContentFeature.createService(config.build());
        }
        return service;
    }

    /** Helidon's handler for {@code content}, as its static-content {@code service} registers it. */
    private static Handler handler(HttpService service) {
        Capture capture = new Capture();
        service.routing(capture);
        service.beforeStart();
        if (capture.handler == null) {
            throw new IllegalStateException("Helidon's static-content service registered no handler");
        }
        return capture.handler;
    }

    /** Rules that keep the one handler Helidon's static-content service registers, to call it directly. */
    private static final class Capture implements HttpRules {
        private Handler handler;

        @Override
        public HttpRules register(HttpService... service) {
            throw new UnsupportedOperationException("static content registers one route");
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... service) {
            throw new UnsupportedOperationException("static content registers one route");
        }

        @Override
        public HttpRules route(HttpRoute route) {
            handler = route.handler();
            return this;
        }
    }
}
