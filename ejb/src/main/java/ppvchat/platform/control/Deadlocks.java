package ppvchat.platform.control;

import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a transaction again when the database chose it as a deadlock victim (SQLState class 40), as
 * InnoDB asks ("try restarting transaction"). Only for work in a transaction of its own, whose caller
 * waits for nobody: the retried call must start and commit its own transaction.
 */
public final class Deadlocks {

    private static final Logger LOG = Logger.getLogger(Deadlocks.class.getName());
    private static final int ATTEMPTS = 5;

    private Deadlocks() {}

    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                int tried = attempt;
                LOG.fine(() -> "deadlock victim, attempt " + tried + " of " + ATTEMPTS);
                pause(tried);
            }
        }
    }

    public static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
