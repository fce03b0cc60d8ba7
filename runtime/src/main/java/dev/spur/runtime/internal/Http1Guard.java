package dev.spur.runtime.internal;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP/1.1 connection selector of every Spur listener: Helidon's own HTTP/1 connection, reading
 * through a {@link FramingGuard} instead of the socket. Placed first among the listener's
 * selectors, it takes every connection (so a first request that is not HTTP/1.1 is answered, not
 * silently closed) and every TLS connection that negotiates {@code http/1.1}.
 */
public final class Http1Guard implements ServerConnectionSelector {

    private final Http1ConnectionSelector http1;
    private final Http1Config config;
    private final long maxPayloadSize;

    public Http1Guard(Http1Config config, long maxPayloadSize) {
        this.config = config;
        this.maxPayloadSize = maxPayloadSize;
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData data) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of("http/1.1");
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        PeerInfo local = ctx.localPeer();
        String host = local.host().indexOf(':') >= 0 ? "[" + local.host() + "]" : local.host();
        FramingGuard guard = new FramingGuard(ctx.dataReader(), ctx.dataWriter(), config.maxPrologueLength(),
                config.maxHeadersSize(), maxPayloadSize, host + ":" + local.port());
        return http1.connection(new GuardedContext(ctx, DataReader.create(guard)));
    }

    /** The connection's context with the guarded reader in place of the socket's. */
    private record GuardedContext(ConnectionContext delegate, DataReader reader) implements ConnectionContext {

        @Override
        public ListenerContext listenerContext() {
            return delegate.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return delegate.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return delegate.dataWriter();
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public Router router() {
            return delegate.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return delegate.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return delegate.serverSocket();
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
        public boolean isSecure() {
            return delegate.isSecure();
        }

        @Override
        public String socketId() {
            return delegate.socketId();
        }

        @Override
        public String childSocketId() {
            return delegate.childSocketId();
        }
    }
}
