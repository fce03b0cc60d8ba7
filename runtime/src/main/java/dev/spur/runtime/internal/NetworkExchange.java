package dev.spur.runtime.internal;

import dev.spur.runtime.Exchange;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.DirectHandler;
import io.helidon.http.Headers;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * The exchange of a network request: a thin adapter over Helidon's request and response that
 * copies nothing (headers, query and body are read through; answer headers are written straight
 * into Helidon's response) and puts the answer on the wire once the chain has run.
 */
public final class NetworkExchange extends Exchange {

    private static final byte[] EMPTY = {};

    private final ServerRequest request;
    private final ServerResponse response;
    private final ServerResponse wire;
    private final boolean head;
    private byte[] body;
    private boolean framingFailed;

    /** The exchange of {@code request}; a HEAD request's answer goes out without its body. */
    public NetworkExchange(ServerRequest request, ServerResponse response) {
        this.request = request;
        this.head = request.prologue().method().text().equals("HEAD");
        this.response = head ? new HeadResponse(response) : response;
        this.wire = response;
    }

    @Override
    public String method() {
        return request.prologue().method().text();
    }

    @Override
    public String rawPath() {
        return request.path().rawPath();
    }

    @Override
    public UriQuery query() {
        return request.query();
    }

    @Override
    public Headers headers() {
        return request.headers();
    }

    @Override
    public String authority() {
        return request.authority();
    }

    @Override
    public boolean hasBody() {
        return request.content().hasEntity();
    }

    @Override
    public byte[] body() {
        if (body == null) {
            body = request.content().hasEntity() ? read() : EMPTY;
        }
        return body;
    }

    /** Reads the entity, turning every way the transport can fail into Helidon's own exception. */
    private byte[] read() {
        try {
            return request.content().as(byte[].class);
        } catch (RuntimeException e) {
            throw transportFailure(e);
        }
    }

    /**
     * The body as it arrives, not held in memory; read failures are Helidon's own exceptions, as
     * for {@link #body()}. It can be taken once, and not after {@link #body()}.
     */
    @Override
    public java.io.InputStream bodyStream() {
        if (!request.content().hasEntity()) {
            return java.io.InputStream.nullInputStream();
        }
        java.io.InputStream in = request.content().inputStream();
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws java.io.IOException {
                try {
                    return super.read();
                } catch (RuntimeException e) {
                    throw transportFailure(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    return super.read(b, off, len);
                } catch (RuntimeException e) {
                    throw transportFailure(e);
                }
            }
        };
    }

    /** What a failure to read the body means: Helidon's exception for the transport, or a 400 for bad framing. */
    private static RuntimeException transportFailure(RuntimeException e) {
        if (e instanceof RequestException || e instanceof CloseConnectionException) {
            return e;
        }
        if (e instanceof UncheckedIOException || e instanceof DataReader.InsufficientDataAvailableException) {
            return new CloseConnectionException("The client stopped sending the request body", e);
        }
        // Helidon 4.5 reports some malformed framing (a chunk size that is not hexadecimal) as a
        // bare NumberFormatException from its reader.
        return RequestException.builder()
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(Status.BAD_REQUEST_400)
                .setKeepAlive(false)
                .message("Malformed request body framing")
                .cause(e)
                .build();
    }

    @Override
    public int localPort() {
        return request.localPeer().port();
    }

    @Override
    public String listener() {
        return request.listenerContext().config().name();
    }

    @Override
    public Optional<InetAddress> remoteAddress() {
        SocketAddress address = request.remotePeer().address();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Optional.of(inet.getAddress());
        }
        return Optional.empty();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String protocolVersion() {
        String version = request.prologue().protocolVersion();
        // Helidon's HTTP/2 prologue says "2.0" (some versions "2"): Spur's conditions say "2.0"
        return version.equals("2") ? "2.0" : version;
    }

    @Override
    public Optional<ServerRequest> serverRequest() {
        return Optional.of(request);
    }

    @Override
    public Optional<ServerResponse> serverResponse() {
        return Optional.of(response);
    }

    /** Helidon's request, for generated code that hands it to a handler. */
    public ServerRequest request() {
        return request;
    }

    /** Helidon's response (without a body for HEAD), for generated code that hands it to a handler. */
    public ServerResponse response() {
        return response;
    }

    /** Helidon's response itself, also for HEAD, for a Helidon handler that answers HEAD on its own. */
    ServerResponse wireResponse() {
        return wire;
    }

    @Override
    protected int sentStatus() {
        return response.isSent() || helidonStreams() ? response.status().code() : 0;
    }

    /**
     * Whether a Helidon handler (static content) or a handler's own code has a streamed entity open
     * on the response, which Helidon completes once the handler returns: it has answered.
     */
    private boolean helidonStreams() {
        return wire instanceof io.helidon.webserver.http.RoutingResponse routing && routing.hasEntity();
    }

    @Override
    public WritableHeaders<?> responseHeaders() {
        return response.headers();
    }

    /** Notes that the request body's framing failed: the connection must close after the answer. */
    void framingFailed() {
        framingFailed = true;
    }

    /** Whether the request body's framing failed. */
    boolean framingIntact() {
        return !framingFailed;
    }

    /**
     * Puts the answer on the wire, unless a handler wrote Helidon's response itself. An exchange
     * nothing answered is a 500: the chain always answers.
     */
    void commit() {
        Events.close(this);
        if (response.isSent() || helidonStreams() && failure().isEmpty()) {
            return;
        }
        int status = status();
        if (status == 0) {
            Failures.answer(this, new IllegalStateException("Nothing answered " + method() + " " + rawPath()));
            status = status();
        }
        if (responseWriter().isPresent()) {
            stream(status, responseWriter().get());
            return;
        }
        try {
            response.status(Status.create(status));
            byte[] bytes = responseBody().orElse(null);
            if (bytes == null) {
                response.send();
            } else {
                response.send(bytes);
            }
        } catch (IllegalStateException | RequestException tooLate) {
            // A handler had started streaming its body, so the status line is gone: the only honest
            // signal left is a connection closed before the body's end.
            throw new CloseConnectionException("The answer had started before the request failed", tooLate);
        }
    }

    /**
     * Writes a streamed answer: status and headers, then whatever {@code writer} writes. Once it has
     * started the status line may be on the wire, so a failure can only end the connection early.
     */
    private void stream(int status, dev.spur.runtime.BodyWriter writer) {
        response.status(Status.create(status));
        try (java.io.OutputStream out = response.outputStream()) {
            writer.writeTo(out);
        } catch (CloseConnectionException gone) {
            throw gone;
        } catch (UncheckedIOException | java.io.IOException gone) {
            throw new CloseConnectionException("The connection failed while a streamed answer was written", gone);
        } catch (RuntimeException failed) {
            java.util.logging.Logger.getLogger(NetworkExchange.class.getName()).log(java.util.logging.Level.SEVERE,
                    failed, () -> "The streamed answer to " + method() + " " + rawPath() + " failed after it started");
            throw new CloseConnectionException("The streamed answer failed after it started", failed);
        }
    }
}
