package ppvchat.external.control;

/**
 * No answer from the webmaster's server after every attempt (I/O errors, timeouts, 5xx or 429). Whether a debit
 * was applied is unknown: repeat it later with the same key, which the server applies at most once.
 */
public class ExternalServerDown extends ExternalCallFailed {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public ExternalServerDown(String call, int attempts, String lastFailure) {
        super(call, call + " got no answer after " + attempts + " attempts: " + lastFailure);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
