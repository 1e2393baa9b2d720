package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.ShowStatus;

/**
 * Settles the shows of nodes that died, each up to its node's last heartbeat: at most about a second of a
 * show is lost, always in the user's favour, and nothing is charged twice (the charge's ledger key is the
 * show). On start, this node first settles what its own previous run left open (a crash), then joins with a
 * fresh heartbeat; the tick asks it now and then to settle the shows of other nodes whose heartbeat went
 * stale. Holds are released; unanswered requests expire. Rooms are in memory, so none survive a restart.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShowRecovery {

    private static final Logger LOG = Logger.getLogger(ShowRecovery.class.getName());
    /** A heartbeat younger than this may come from another JVM using this node's name. */
    private static final Duration TWIN_CHECK = Duration.ofSeconds(3);

    @PersistenceContext
    EntityManager em;

    @Inject
    BulkSettlement settlement;

    @Inject
    Rooms rooms;

    @Inject
    NodeRegistry registry;

    @Inject
    MeteringNode node;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Clock clock;

    @PostConstruct
    void recoverAndJoin() {
        String me = node.name();
        Instant lastAlive = registry.find(me)
                .map(previous -> requireNoTwin(previous).heartbeatAt())
                .orElseGet(clock::instant);
        int settled = settlement.settle(runningShowsOf(me), EndReason.SERVER_RESTART, lastAlive);
        // Shows left by a version without heartbeats settle from their last checkpoint (see V3).
        int older = settlement.settle(runningShowsOf(null), EndReason.SERVER_RESTART, clock.instant());
        Instant now = clock.instant();
        registry.register(me, now);
        heartbeat.start(now);
        List<Long> requested = em.createQuery(
                        "SELECT s.id FROM PrivateShow s WHERE s.status = :requested ORDER BY s.id", Long.class)
                .setParameter("requested", ShowStatus.REQUESTED)
                .getResultList();
        requested.forEach(rooms::expire);
        if (settled + older > 0 || !requested.isEmpty()) {
            LOG.info(() -> "Restart recovery on node " + me + ": settled " + settled + " shows up to " + lastAlive
                    + " and " + older + " from their checkpoints, expired " + requested.size() + " requests");
        }
        settleDeadNodes();
    }

    /**
     * Settles the shows of every other node whose heartbeat is older than the node timeout, and marks the node
     * stopped once none of its shows is left running (until then, the next sweep tries again).
     */
    public void settleDeadNodes() {
        for (NodeRegistry.Node dead : registry.deadSince(clock.instant().minus(node.timeout()), node.name())) {
            List<Long> open = runningShowsOf(dead.name());
            int settled = settlement.settle(open, EndReason.SERVER_RESTART, dead.heartbeatAt());
            if (settled == open.size()) {
                registry.markStopped(dead.name(), dead.heartbeatAt());
            }
            LOG.warning(() -> "Node " + dead.name() + " stopped beating at " + dead.heartbeatAt() + "; settled "
                    + settled + " of its " + open.size() + " running shows up to then");
        }
    }

    /** The running shows of {@code nodeName}; null: shows from before nodes existed. */
    private List<Long> runningShowsOf(String nodeName) {
        var query = em.createQuery(
                        "SELECT s.id FROM PrivateShow s WHERE s.status = :running AND "
                                + (nodeName == null ? "s.node IS NULL" : "s.node = :node")
                                + " ORDER BY s.id",
                        Long.class)
                .setParameter("running", ShowStatus.RUNNING);
        return (nodeName == null ? query : query.setParameter("node", nodeName)).getResultList();
    }

    /** Another live JVM may carry this node's name: joining would settle its running shows under it. */
    private NodeRegistry.Node requireNoTwin(NodeRegistry.Node previous) {
        if (previous.stopped()
                || Duration.between(previous.heartbeatAt(), clock.instant()).compareTo(TWIN_CHECK) > 0) {
            return previous;
        }
        try {
            Thread.sleep(TWIN_CHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NodeRegistry.Node now = registry.find(previous.name()).orElse(previous);
        if (!now.heartbeatAt().equals(previous.heartbeatAt())) {
            throw new IllegalStateException("another server is running as metering node " + previous.name()
                    + "; give each server its own ppv.metering.node");
        }
        return previous;
    }
}
