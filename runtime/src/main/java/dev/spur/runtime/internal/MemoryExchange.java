package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An exchange that lives in memory: built by {@link Exchange#request(String, String)} for a
 * service binding or a test, with no server, socket or HTTP bytes.
 */
public final class MemoryExchange extends Exchange {

    private static final byte[] EMPTY = {};

    private final String method;
    private final String rawPath;
    private final UriQuery query;
    private final Headers headers;
    private final byte[] body;
    private final int localPort;
    private final String listener;
    private final InetAddress remote;
    private final boolean secure;
    private final String version;
    private final WritableHeaders<?> responseHeaders = WritableHeaders.create();

    /** The exchange {@link Exchange.Builder} describes. */
    public MemoryExchange(String method, String target, Headers headers, byte[] body, int localPort,
                          String listener, InetAddress remote, boolean secure, String version) {
        this.method = method;
        int question = target.indexOf('?');
        this.rawPath = question < 0 ? target : target.substring(0, question);
        this.query = question < 0 ? UriQuery.empty() : UriQuery.create(target.substring(question + 1));
        this.headers = headers;
        this.body = body;
        this.localPort = localPort;
        this.listener = listener;
        this.remote = remote;
        this.secure = secure;
        this.version = version;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public UriQuery query() {
        return query;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public String authority() {
        return headers.first(HeaderNames.HOST).orElse("localhost");
    }

    @Override
    public boolean hasBody() {
        return body != null || requestValue() != null;
    }

    @Override
    public byte[] body() {
        return body == null ? EMPTY : body.clone();
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public String listener() {
        return listener;
    }

    @Override
    public Optional<InetAddress> remoteAddress() {
        return Optional.ofNullable(remote);
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String protocolVersion() {
        return version;
    }

    @Override
    public WritableHeaders<?> responseHeaders() {
        return responseHeaders;
    }
}
