package ppvchat.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * A request that breaks a business rule. The message is written for the person who made the request
 * and is safe to show them; transports turn it into a clear error without a stack trace.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }
}
