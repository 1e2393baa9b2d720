package ppvchat.accounts.entity;

import java.time.Duration;
import ppvchat.platform.entity.DomainException;

/**
 * Too many failed sign-ins from one account or address, new guests from one address, or photos from one user:
 * try again later.
 */
public class TooManyAttempts extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttempts(Duration retryAfter) {
        this("too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds", retryAfter);
    }

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
