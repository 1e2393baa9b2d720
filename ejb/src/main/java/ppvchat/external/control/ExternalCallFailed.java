package ppvchat.external.control;

/**
 * A call to a webmaster's server that gave no usable answer. The message names the call and the reason, never
 * the API secret or a password.
 */
public abstract class ExternalCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;

    protected ExternalCallFailed(String call, String message) {
        super(message);
        this.call = call;
    }

    /** The contract call that failed, e.g. {@code debit}. */
    public String call() {
        return call;
    }
}
