package ppvchat.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs work when the current transaction has committed, or has rolled back. Without a transaction the
 * work runs at once (commit) or never (rollback). Used to keep memory (rooms, meters, listeners) in
 * step with what the database actually kept.
 */
@ApplicationScoped
public class AfterCompletion {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void onCommit(Runnable work) {
        if (!inTransaction()) {
            work.run();
            return;
        }
        register(Status.STATUS_COMMITTED, work);
    }

    public void onRollback(Runnable work) {
        if (inTransaction()) {
            register(Status.STATUS_ROLLEDBACK, work);
        }
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    private void register(int wanted, Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == wanted) {
                    work.run();
                }
            }
        });
    }
}
