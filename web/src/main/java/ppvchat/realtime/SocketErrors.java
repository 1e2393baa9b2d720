package ppvchat.realtime;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.platform.control.Deadlocks;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;

/**
 * Turns a failed request into the protocol's error message: a stable code and a sentence for the person.
 * Anything unexpected is logged with an incident id, and only the id reaches the client.
 */
public final class SocketErrors {

    private static final Logger LOG = Logger.getLogger(SocketErrors.class.getName());

    private SocketErrors() {}

    public static ServerMessage.Error of(Throwable failure, String about) {
        Throwable cause = unwrap(failure);
        if (cause instanceof BadMessage bad) {
            return new ServerMessage.Error(bad.code(), bad.getMessage(), about);
        }
        if (cause instanceof InsufficientCredits) {
            return new ServerMessage.Error("insufficient_credits", cause.getMessage(), about);
        }
        if (cause instanceof NotFound) {
            return new ServerMessage.Error("not_found", cause.getMessage(), about);
        }
        if (cause instanceof NotSignedIn) {
            return new ServerMessage.Error("not_signed_in", cause.getMessage(), about);
        }
        if (cause instanceof Forbidden) {
            return new ServerMessage.Error("forbidden", cause.getMessage(), about);
        }
        if (cause instanceof DomainException) {
            return new ServerMessage.Error("not_allowed", cause.getMessage(), about);
        }
        if (cause instanceof ConstraintViolationException || cause instanceof IllegalArgumentException) {
            return new ServerMessage.Error("bad_message", cause.getMessage(), about);
        }
        if (Deadlocks.isDeadlock(failure) || isConflict(failure)) {
            return new ServerMessage.Error("busy", "the server was busy with the same thing: try again", about);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " on a socket, handling " + about, failure);
        return new ServerMessage.Error("internal", "something went wrong on our side, incident " + incident, about);
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
