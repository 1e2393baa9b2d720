package ppvchat.metering.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import ppvchat.metering.control.BulkSettlement;
import ppvchat.metering.control.Heartbeat;
import ppvchat.metering.control.MeteredShow;
import ppvchat.metering.control.MeteringNode;
import ppvchat.metering.control.Meters;
import ppvchat.metering.control.NodeRegistry;
import ppvchat.rooms.entity.EndReason;

/**
 * A clean stop of this node (a signal, {@code asadmin stop-domain}, an undeploy): no new show starts, every
 * running show is settled as of the instant the stop began ({@code SERVER_RESTART}), in batches, and the
 * node's row records the stop. A show that could not be settled stays open and is settled to that same
 * instant when the node starts again, since its last heartbeat is the stop.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanStop {

    private static final Logger LOG = Logger.getLogger(CleanStop.class.getName());

    @Inject
    MeteringNode node;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Meters meters;

    @Inject
    NodeRegistry registry;

    @Inject
    BulkSettlement settlement;

    @Inject
    Clock clock;

    /** Returns how many running shows were settled. */
    public int settleEveryShow() {
        Instant at = clock.instant();
        node.stopStartingShows();
        heartbeat.stop();
        List<Long> running = meters.all().stream().map(MeteredShow::showId).toList();
        int settled = settlement.settle(running, EndReason.SERVER_RESTART, at);
        registry.markStopped(node.name(), at);
        long millis = clock.millis() - at.toEpochMilli();
        LOG.info(() -> "Clean stop of node " + node.name() + ": settled " + settled + " of " + running.size()
                + " running shows as of " + at + " in " + millis + " ms");
        return settled;
    }
}
