package ppvchat.external.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ppvchat.external.entity.ExternalMove;
import ppvchat.external.entity.MoveStatus;

/** The book of calls to sites' servers, written in transactions of their own where a call must outlive its caller's. */
@Stateless
public class ExternalMoves {

    /** The key prefix of the refund that undoes a debit never booked here. */
    public static final String UNDO = "undo:";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Writes the debit before it is sent, so that a crash or a rollback after sending can be undone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExternalMove intend(ExternalMove debit) {
        Optional<ExternalMove> earlier = byKey(debit.webmasterId(), debit.key());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        em.persist(debit);
        em.flush();
        return debit;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refuse(long moveId, String reason) {
        ExternalMove move = em.find(ExternalMove.class, moveId);
        if (move != null) {
            move.refuse(reason, clock.instant());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void confirm(long moveId) {
        ExternalMove move = em.find(ExternalMove.class, moveId);
        if (move != null) {
            move.confirm(clock.instant());
        }
    }

    /**
     * A debit left pending past {@link ExternalMove#ABANDONED_AFTER} was never booked: claims it (the same row
     * lock a late booking takes, so exactly one of them wins) and owes the site's server its undo, a refund of
     * all of it under {@code undo:<key>}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void abandon(long debitId) {
        ExternalMove debit = em.find(ExternalMove.class, debitId, LockModeType.PESSIMISTIC_WRITE);
        if (debit == null || debit.status() != MoveStatus.PENDING) {
            return;
        }
        debit.voidIt(clock.instant());
        em.persist(ExternalMove.refund(
                debit.webmasterId(),
                debit.userId(),
                debit.hostUserId(),
                UNDO + debit.key(),
                debit.key(),
                debit.credits(),
                debit.showId(),
                clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void voidIt(long moveId) {
        ExternalMove move = em.find(ExternalMove.class, moveId);
        if (move != null) {
            move.voidIt(clock.instant());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long moveId, String reason, Duration firstWait) {
        ExternalMove move = em.find(ExternalMove.class, moveId);
        if (move != null) {
            move.failed(reason, clock.instant(), firstWait);
        }
    }

    /** Moves due for delivery (or, for debits, abandoned), oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ExternalMove> due(int limit) {
        List<Long> ids = em.createNamedQuery(ExternalMove.DUE, Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
        return ids.stream().map(id -> em.find(ExternalMove.class, id)).toList();
    }

    public Optional<ExternalMove> byKey(long webmasterId, String key) {
        return em.createNamedQuery(ExternalMove.BY_KEY, ExternalMove.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}
