package ppvchat.metering.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.platform.control.BoundedParallel;
import ppvchat.platform.control.Deadlocks;
import ppvchat.rooms.entity.EndReason;

/**
 * Settles many shows as of one instant, for a clean stop and for recovery: in batches of one transaction
 * each (a commit per show is what thousands of shows would wait on), a few batches at a time. A batch that
 * fails is settled show by show; a show that still fails stays open, is logged, and is settled later to the
 * same instant (the next start, or the next sweep of dead nodes).
 */
@ApplicationScoped
public class BulkSettlement {

    private static final Logger LOG = Logger.getLogger(BulkSettlement.class.getName());
    private static final int BATCH = 50;
    private static final int WRITERS = 4;

    @Inject
    ShowBilling billing;

    @Resource
    ManagedExecutorService executor;

    /** Returns how many of the shows were running and are now settled. */
    public int settle(List<Long> showIds, EndReason reason, Instant at) {
        List<Callable<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < showIds.size(); from += BATCH) {
            List<Long> batch = List.copyOf(showIds.subList(from, Math.min(showIds.size(), from + BATCH)));
            batches.add(() -> settleBatch(batch, reason, at));
        }
        return BoundedParallel.run(executor, WRITERS, batches).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private int settleBatch(List<Long> batch, EndReason reason, Instant at) {
        try {
            return Deadlocks.retried(() -> billing.settleAllAsOf(batch, reason, at));
        } catch (RuntimeException batchFailed) {
            LOG.log(
                    Level.WARNING,
                    "settling " + batch.size() + " shows at once failed; settling one by one",
                    batchFailed);
            int settled = 0;
            for (long showId : batch) {
                try {
                    if (Deadlocks.retried(() -> billing.settleAsOf(showId, reason, at))
                            .isPresent()) {
                        settled++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "show " + showId + " stays open; it is settled to " + at + " later", e);
                }
            }
            return settled;
        }
    }
}
