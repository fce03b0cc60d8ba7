package dev.spur.runtime.services;

/** A binding call whose service did not answer in time. Let through, a 504. */
public final class BindingTimeoutException extends BindingUnavailableException {

    private static final long serialVersionUID = 1L;

    /** Service {@code service} at {@code where} gave no answer within the binding's timeout. */
    public BindingTimeoutException(String service, String where, Throwable cause) {
        super(504, "Gateway Timeout", service, "Service '" + service + "' at " + where + " did not answer in time.",
                cause);
    }
}
