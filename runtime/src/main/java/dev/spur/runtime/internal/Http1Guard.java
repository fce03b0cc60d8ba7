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

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP/1.1 connection selector of every Spur listener: Helidon's own HTTP/1 connection, reading
 * through a {@link FramingGuard} instead of the socket. Placed first among the listener's
 * selectors, it takes every connection (so a first request that is not HTTP/1.1 is answered, not
 * silently closed) and every TLS connection that negotiates {@code http/1.1}.
 *
 * <p>When the listener also serves HTTP/2, a connection whose first bytes are exactly the HTTP/2
 * connection preface ({@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}) is left to Helidon's HTTP/2
 * selector, which comes after this one; any other first byte sequence is HTTP/1 and read through
 * the guard as before.
 */
public final class Http1Guard implements ServerConnectionSelector {

    private final Http1ConnectionSelector http1;
    /** The HTTP/2 connection preface (RFC 9113 3.4), which an HTTP/2 prior-knowledge client sends first. */
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Http1Config config;
    private final long maxPayloadSize;
    private final boolean yieldToHttp2;

    /**
     * The guard of a listener whose HTTP/1 connections follow {@code config}.
     *
     * @param config         Helidon's HTTP/1 settings (limits) of the listener
     * @param maxPayloadSize the largest request body, -1 for no limit
     * @param yieldToHttp2   whether a connection that starts with the exact HTTP/2 preface is left
     *                       to the HTTP/2 selector after this one; otherwise it is answered 505
     */
    public Http1Guard(Http1Config config, long maxPayloadSize, boolean yieldToHttp2) {
        this.config = config;
        this.maxPayloadSize = maxPayloadSize;
        this.yieldToHttp2 = yieldToHttp2;
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData data) {
        if (!yieldToHttp2) {
            return Support.SUPPORTED;
        }
        // only the exact preface goes to HTTP/2; the first byte that differs makes it HTTP/1
        int n = Math.min(data.available(), PREFACE.length);
        for (int i = 0; i < n; i++) {
            if ((byte) data.read() != PREFACE[i]) {
                return Support.SUPPORTED;
            }
        }
        return n == PREFACE.length ? Support.UNSUPPORTED : Support.UNKNOWN;
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
