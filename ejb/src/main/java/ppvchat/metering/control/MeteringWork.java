package ppvchat.metering.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.platform.control.Deadlocks;
import ppvchat.rooms.entity.EndReason;

/**
 * Database work for running shows, off the tick's and the deadlines' threads: on the managed executor, at
 * most one piece per show at a time, deadlock victims retried.
 */
@ApplicationScoped
public class MeteringWork {

    private static final Logger LOG = Logger.getLogger(MeteringWork.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    ShowBilling billing;

    @Inject
    Clock clock;

    /** The key of work that is no show's own: settling the shows of dead nodes, one sweep at a time. */
    public static final long DEAD_NODES = -1;

    /** Shows with work under way, so that slow work is not queued again. */
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();

    /**
     * Out of credits: hold more if the user has any (a top-up), otherwise end the show now. Returns false
     * when it could not be queued now (work for the show under way, or the executor full): ask again soon.
     */
    public boolean extendOrEnd(MeteredShow show) {
        return inBackground(show.showId(), () -> {
            if (!billing.extend(show.showId())
                    || show.meter().readAt(clock.instant()).exhausted()) {
                billing.settleNow(show.showId(), EndReason.CREDITS_EXHAUSTED);
            }
        });
    }

    public boolean extend(long showId) {
        return inBackground(showId, () -> billing.extend(showId));
    }

    public boolean settle(long showId, EndReason reason) {
        return inBackground(showId, () -> billing.settleNow(showId, reason));
    }

    /** Queues {@code work} for one show; false when work for it is under way or the executor is full. */
    public boolean inBackground(long showId, Runnable work) {
        if (!busy.add(showId)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    Deadlocks.retried(() -> {
                        work.run();
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "metering work for show " + showId + " failed; retrying next tick", e);
                } finally {
                    busy.remove(showId);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            busy.remove(showId);
            return false;
        }
    }
}
