package dev.spur.runtime.internal;

import io.helidon.common.context.Context;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.socket.PeerInfo;
import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RoutedPath;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.media.ReadableEntity;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.http.HttpSecurity;
import io.helidon.webserver.http.ServerRequest;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Helidon's request as a service mounted under a prefix sees it: everything is the request's own
 * but {@link #path()}, which is the part below the prefix, already checked by Spur. Its raw and
 * decoded forms are the same text: a safe path holds no {@code %}, so nothing can decode twice.
 */
final class RelativeRequest implements ServerRequest {

    private static final Parameters NO_PARAMETERS = Parameters.empty("http/path");

    private final ServerRequest delegate;
    private final RoutedPath path;

    RelativeRequest(ServerRequest delegate, String relativePath) {
        this.delegate = delegate;
        this.path = new Relative("/" + relativePath, delegate.path());
    }

    @Override
    public RoutedPath path() {
        return path;
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public boolean isSecure() {
        return delegate.isSecure();
    }

    @Override
    public ReadableEntity content() {
        return delegate.content();
    }

    @Override
    public String socketId() {
        return delegate.socketId();
    }

    @Override
    public String serverSocketId() {
        return delegate.serverSocketId();
    }

    @Override
    public Context context() {
        return delegate.context();
    }

    @Override
    public ListenerContext listenerContext() {
        return delegate.listenerContext();
    }

    @Override
    public HttpSecurity security() {
        return delegate.security();
    }

    @Override
    public boolean continueSent() {
        return delegate.continueSent();
    }

    @Override
    public void streamFilter(UnaryOperator<InputStream> filterFunction) {
        delegate.streamFilter(filterFunction);
    }

    @Override
    public Optional<ProxyProtocolData> proxyProtocolData() {
        return delegate.proxyProtocolData();
    }

    @Override
    public HttpPrologue prologue() {
        return delegate.prologue();
    }

    @Override
    public ServerRequestHeaders headers() {
        return delegate.headers();
    }

    @Override
    public UriQuery query() {
        return delegate.query();
    }

    @Override
    public PeerInfo remotePeer() {
        return delegate.remotePeer();
    }

    @Override
    public PeerInfo localPeer() {
        return delegate.localPeer();
    }

    @Override
    public String authority() {
        return delegate.authority();
    }

    @Override
    public void header(Header header) {
        delegate.header(header);
    }

    @Override
    public int id() {
        return delegate.id();
    }

    @Override
    public UriInfo requestedUri() {
        return delegate.requestedUri();
    }

    /** The path below the prefix; {@link #absolute()} is the request's whole path. */
    private record Relative(String text, RoutedPath whole) implements RoutedPath {

        @Override
        public String rawPath() {
            return text;
        }

        @Override
        public String rawPathNoParams() {
            return text;
        }

        @Override
        public String path() {
            return text;
        }

        @Override
        public Parameters matrixParameters() {
            return NO_PARAMETERS;
        }

        @Override
        public void validate() {
            // checked by Spur (SafePath) before the request got here
        }

        @Override
        public Parameters pathParameters() {
            return NO_PARAMETERS;
        }

        @Override
        public RoutedPath absolute() {
            return whole.absolute();
        }
    }
}
