package ppvchat.metering.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.control.Heartbeat;
import ppvchat.metering.control.MeteredShow;
import ppvchat.metering.control.MeteringNode;
import ppvchat.metering.control.Meters;
import ppvchat.metering.control.NodeRegistry;
import ppvchat.platform.control.BoundedParallel;
import ppvchat.platform.control.Deadlocks;
import ppvchat.rooms.entity.EndReason;

/**
 * A clean stop of this node (a signal, {@code asadmin stop-domain}, an undeploy): no new show starts, every
 * running show is settled as of the instant the stop began ({@code SERVER_RESTART}), and the node's row
 * records the stop. A show that could not be settled stays open and is settled to that same instant when
 * the node starts again, since its last heartbeat is the stop.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanStop {

    private static final Logger LOG = Logger.getLogger(CleanStop.class.getName());
    private static final int WRITERS = 4;

    @Inject
    MeteringNode node;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Meters meters;

    @Inject
    NodeRegistry registry;

    @Inject
    ShowBilling billing;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** Returns how many running shows were settled. */
    public int settleEveryShow() {
        Instant at = clock.instant();
        node.stopStartingShows();
        heartbeat.stop();
        List<MeteredShow> running = List.copyOf(meters.all());
        List<Callable<Boolean>> settlements =
                running.stream().map(show -> settlement(show, at)).toList();
        long settled = BoundedParallel.run(executor, WRITERS, settlements).stream()
                .filter(Boolean::booleanValue)
                .count();
        registry.markStopped(node.name(), at);
        long millis = clock.millis() - at.toEpochMilli();
        LOG.info(() -> "Clean stop of node " + node.name() + ": settled " + settled + " of " + running.size()
                + " running shows as of " + at + " in " + millis + " ms");
        return (int) settled;
    }

    private Callable<Boolean> settlement(MeteredShow show, Instant at) {
        return () -> {
            try {
                Deadlocks.retried(() -> billing.settleAsOf(show.showId(), EndReason.SERVER_RESTART, at));
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "show " + show.showId() + " stays open; it is settled on the next start", e);
                return false;
            }
        };
    }
}
