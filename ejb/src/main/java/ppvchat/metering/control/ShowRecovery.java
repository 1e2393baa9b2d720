package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.platform.control.Deadlocks;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.ShowStatus;

/**
 * On start, settles the shows a crash left open: each from its last checkpoint, so at most
 * {@code ppv.metering.checkpoint-seconds} (plus the second in progress) of a show is lost, always in the
 * user's favour, and nothing is charged twice (the charge's ledger key is the show). Holds are
 * released; unanswered requests expire. Rooms are in memory, so none survive a restart.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShowRecovery {

    private static final Logger LOG = Logger.getLogger(ShowRecovery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ShowBilling billing;

    @Inject
    Rooms rooms;

    @PostConstruct
    void settleLeftovers() {
        List<Long> open = showsIn(List.of(ShowStatus.ACCEPTED, ShowStatus.RUNNING));
        for (long showId : open) {
            try {
                Deadlocks.retried(() -> billing.settleNow(showId, EndReason.SERVER_RESTART));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not settle show " + showId + " left open by a restart", e);
            }
        }
        List<Long> requested = showsIn(List.of(ShowStatus.REQUESTED));
        requested.forEach(rooms::expire);
        if (!open.isEmpty() || !requested.isEmpty()) {
            LOG.info(() -> "Restart recovery: settled " + open.size() + " shows from their checkpoints, expired "
                    + requested.size() + " requests");
        }
    }

    private List<Long> showsIn(List<ShowStatus> statuses) {
        return em.createQuery("SELECT s.id FROM PrivateShow s WHERE s.status IN :statuses ORDER BY s.id", Long.class)
                .setParameter("statuses", statuses)
                .getResultList();
    }
}
