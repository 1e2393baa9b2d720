package ppvchat.external.control;

/**
 * The webmaster's server refused a call with a 4xx answer (other than 429). Final: the call is not retried, and
 * repeating it unchanged gets the same answer. {@link #status()} is the HTTP status, {@link #reason()} the server's
 * own message from {@code {"error": ...}}.
 */
public class ExternalRefusal extends ExternalCallFailed {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public ExternalRefusal(String call, int status, String reason) {
        super(call, call + " refused with " + status + ": " + reason);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** 404: the user (or, for a refund, the debit) is unknown to the webmaster's server. */
    public boolean notFound() {
        return status == 404;
    }

    /** 409: the key was used before for different content, or a refund exceeds its debit. */
    public boolean conflict() {
        return status == 409;
    }
}
