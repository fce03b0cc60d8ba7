package dev.spur.runtime.services;

import java.util.Map;

/** A binding call whose service could not be reached: no connection, or the connection broke. Let through, a 502. */
public class BindingUnavailableException extends BindingException {

    private static final long serialVersionUID = 1L;

    private final transient Throwable reason;

    /** Service {@code service} could not be reached at {@code where}. */
    public BindingUnavailableException(String service, String where, Throwable cause) {
        this(502, "Bad Gateway", service, "Service '" + service + "' could not be reached at " + where + ".", cause);
    }

    BindingUnavailableException(int status, String title, String service, String detail, Throwable cause) {
        super(status, service, 0, null, title, detail, Map.of());
        this.reason = cause;
    }

    /** What the transport failed with. */
    @Override
    public synchronized Throwable getCause() {
        return reason;
    }
}
