package dev.spur.runtime.internal;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.io.OutputStream;
import java.util.function.UnaryOperator;

/**
 * The response to a {@code HEAD} request: the GET handler runs unchanged, but no body reaches the
 * wire. Helidon's HTTP/1 response would otherwise write the entity; a byte body still sets
 * {@code Content-Length} to the size the GET would have sent (RFC 9110, section 9.3.2), and an
 * object entity is serialised as the GET would send it (whatever the request accepts) to learn that size.
 */
final class HeadResponse implements ServerResponse {

    private final ServerResponse delegate;

    HeadResponse(ServerResponse delegate) {
        this.delegate = delegate;
    }

    @Override
    public ServerResponse status(Status status) {
        delegate.status(status);
        return this;
    }

    @Override
    public Status status() {
        return delegate.status();
    }

    @Override
    public ServerResponse header(Header header) {
        delegate.header(header);
        return this;
    }

    @Override
    public void send() {
        delegate.send();
    }

    @Override
    public void send(byte[] bytes) {
        delegate.header(HeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
        delegate.send();
    }

    @Override
    public void send(Object entity) {
        if (entity instanceof byte[] bytes) {
            send(bytes);
            return;
        }
        send(Responses.entityBytes(entity, delegate.headers().contentType().map(t -> t.text()).orElse("application/json")));
    }

    @Override
    public boolean isSent() {
        return delegate.isSent();
    }

    @Override
    public OutputStream outputStream() {
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) {
                // a HEAD answer has no body
            }

            @Override
            public void write(byte[] b, int off, int len) {
                // a HEAD answer has no body
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    delegate.send();
                }
            }
        };
    }

    @Override
    public long bytesWritten() {
        return delegate.bytesWritten();
    }

    @Override
    public ServerResponse whenSent(Runnable runnable) {
        delegate.whenSent(runnable);
        return this;
    }

    @Override
    public ServerResponse reroute(String path) {
        delegate.reroute(path);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        delegate.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        delegate.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return delegate.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return delegate.trailers();
    }

    @Override
    public void streamResult(String result) {
        delegate.streamResult(result);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filter) {
        delegate.streamFilter(filter);
    }
}
