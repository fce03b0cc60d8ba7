package dev.spur.runtime.services;

import dev.spur.runtime.HttpProblem;

import java.util.List;
import java.util.Map;

/**
 * A binding call that did not succeed: the service answered with a status outside 2xx (its
 * problem's title and detail are kept), or it could not be reached (the subclasses). Whichever
 * transport carried the call, the same answer gives the same exception.
 *
 * <p>Left unhandled in a route, it becomes the caller's own answer ({@link #status()}): a 4xx of
 * the service is passed on as it is, since the caller's request caused it; a 5xx is a 502; a
 * timeout is a 504.
 */
public class BindingException extends HttpProblem {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final int serviceStatus;
    private final String problemType;
    private final transient Map<String, List<String>> headers;

    /** The service {@code service} answered {@code serviceStatus} with this problem and these headers. */
    public BindingException(String service, int serviceStatus, String problemType, String title, String detail,
                            Map<String, List<String>> headers) {
        this(passedOn(serviceStatus), service, serviceStatus, problemType,
                title == null ? "Bad Gateway" : title,
                detail == null ? "Service '" + service + "' answered " + serviceStatus + "." : detail, headers);
    }

    /** For the subclasses: {@code status} is what the caller answers when it lets this through. */
    BindingException(int status, String service, int serviceStatus, String problemType, String title, String detail,
                     Map<String, List<String>> headers) {
        super(status, title, detail);
        this.service = service;
        this.serviceStatus = serviceStatus;
        this.problemType = problemType == null ? "about:blank" : problemType;
        this.headers = Map.copyOf(headers);
    }

    /** The status the caller answers when it lets an answer of {@code serviceStatus} through. */
    private static int passedOn(int serviceStatus) {
        return serviceStatus >= 400 && serviceStatus < 500 ? serviceStatus : 502;
    }

    /** The service that was called. */
    public String service() {
        return service;
    }

    /** The status the service answered (0 when it could not be reached). */
    public int serviceStatus() {
        return serviceStatus;
    }

    /** The problem's {@code type} ({@code about:blank} when the answer had none). */
    public String problemType() {
        return problemType;
    }

    /** The answer's headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }
}
