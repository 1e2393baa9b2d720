package ppvchat.accounts.entity;

import java.time.Duration;
import ppvchat.platform.entity.DomainException;

/** Too many failed sign-ins from one account or address, or new guests from one address: try again later. */
public class TooManyAttempts extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttempts(Duration retryAfter) {
        super("too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
