package ppvchat.payments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import ppvchat.ledger.control.Ledger;
import ppvchat.payments.entity.PaypalDispute;
import ppvchat.payments.entity.PaypalTransaction;

/** Keeps each buyer dispute as PayPal last described it, for the webmaster to see. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DisputeBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    public Handled record(CaptureOwner owner, DisputeFacts facts, String eventType) {
        ledger.lockUser(owner.webmasterId(), owner.userId());
        PaypalTransaction capture = em.createNamedQuery(PaypalTransaction.BY_TXN, PaypalTransaction.class)
                .setParameter("txnId", facts.captureId())
                .getSingleResult();
        Instant now = clock.instant();
        PaypalDispute dispute = em.createNamedQuery(PaypalDispute.BY_DISPUTE_ID, PaypalDispute.class)
                .setParameter("disputeId", facts.disputeId())
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    PaypalDispute opened = new PaypalDispute(capture, facts.disputeId(), now);
                    em.persist(opened);
                    return opened;
                });
        boolean newer = dispute.describe(
                facts.reason(),
                facts.status(),
                facts.outcome(),
                facts.amount(),
                facts.currency(),
                facts.updatedAt(),
                now);
        if (!newer) {
            return Handled.done(
                    owner.webmasterId(),
                    "dispute " + facts.disputeId() + ": older than the description" + " kept (" + dispute.status()
                            + "); nothing changes");
        }
        String outcome = "dispute " + facts.disputeId() + " of capture " + capture.txnId() + ": " + dispute.status()
                + (dispute.outcome() == null ? "" : ", " + dispute.outcome());
        capture.note(now, eventType + ": " + outcome);
        return Handled.done(owner.webmasterId(), outcome);
    }
}
