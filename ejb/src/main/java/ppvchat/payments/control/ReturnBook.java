package ppvchat.payments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.payments.entity.PaymentChanged;
import ppvchat.payments.entity.PaypalOrder;
import ppvchat.payments.entity.PaypalRefund;
import ppvchat.payments.entity.PaypalTransaction;
import ppvchat.payments.entity.ReturnKind;
import ppvchat.platform.control.AfterCompletion;

/**
 * Money going back to a buyer, by the documented policy: the credits it bought are taken back down to
 * zero (never into credits held for a running show), what was already spent is recorded as the user's
 * shortfall, and the user's purchases and private shows wait until the webmaster decides. A reversal
 * cancelled later (a dispute resolved in the seller's favour) gives back what it took and forgives its
 * shortfall. Each PayPal refund or reversal id acts once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReturnBook {

    private static final Logger LOG = Logger.getLogger(ReturnBook.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Event<PaymentChanged> paymentChanged;

    /** The capture's site and buyer, read before the buyer's row is locked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CaptureOwner> ownerOf(String captureId) {
        return em.createQuery(
                        "SELECT NEW ppvchat.payments.control.CaptureOwner(t.webmasterId, t.userId) FROM PaypalTransaction t"
                                + " WHERE t.txnId = :txnId",
                        CaptureOwner.class)
                .setParameter("txnId", captureId)
                .getResultStream()
                .findFirst();
    }

    public Handled moneyReturned(CaptureOwner owner, ReturnFacts refund, ReturnKind kind, String via) {
        ChatUser buyer = ledger.lockUser(owner.webmasterId(), owner.userId());
        PaypalTransaction capture = capture(refund.captureId());
        if (!em.createNamedQuery(PaypalRefund.BY_REFUND_ID, PaypalRefund.class)
                .setParameter("refundId", refund.refundId())
                .getResultList()
                .isEmpty()) {
            return Handled.done(
                    owner.webmasterId(), kind + " " + refund.refundId() + " already recorded: nothing changes");
        }
        if (refund.currency() != null && !refund.currency().equals(capture.currency())) {
            return Handled.refused(
                    owner.webmasterId(), kind + " in " + refund.currency() + " of a capture in " + capture.currency());
        }
        Instant now = clock.instant();
        long due = capture.moneyReturned(refund.amount(), kind == ReturnKind.REVERSAL);
        long taken = Math.min(due, buyer.available());
        if (taken > 0) {
            ledger.post(
                    buyer,
                    kind == ReturnKind.REVERSAL ? EntryKind.REVERSAL : EntryKind.REFUND,
                    -taken,
                    "paypal:" + kind.name().toLowerCase() + ":" + refund.refundId(),
                    LedgerReference.paypal(capture.id()));
        }
        em.persist(new PaypalRefund(capture, refund.refundId(), kind, refund.amount(), due, taken, now));
        if (due > 0) {
            buyer.holdPurchases(
                    (kind == ReturnKind.REVERSAL ? "PayPal reversed" : "refunded") + " payment " + capture.txnId(),
                    due - taken);
        }
        String outcome = kind + " " + refund.refundId() + " of " + refund.amount() + " " + capture.currency() + ": "
                + due + " credits due back, " + taken + " taken, " + (due - taken) + " short";
        capture.note(now, via + ": " + outcome);
        if (due > taken) {
            LOG.warning(() -> "user " + buyer.id() + " of site " + owner.webmasterId() + " is " + (due - taken)
                    + " credits short after " + kind + " " + refund.refundId());
        }
        tell(capture, kind == ReturnKind.REVERSAL ? "REVERSED" : "REFUNDED", taken);
        return Handled.done(owner.webmasterId(), outcome);
    }

    /** The dispute was resolved for the seller: each reversal of the capture is undone, once. */
    public Handled reversalsCancelled(CaptureOwner owner, String captureId, String disputeId, String via) {
        ChatUser buyer = ledger.lockUser(owner.webmasterId(), owner.userId());
        PaypalTransaction capture = capture(captureId);
        Instant now = clock.instant();
        long restored = 0;
        for (PaypalRefund reversal : em.createNamedQuery(PaypalRefund.REVERSALS_OF, PaypalRefund.class)
                .setParameter("paypalId", capture.id())
                .getResultList()) {
            String cancellation = "cancelled:" + reversal.refundId();
            if (!em.createNamedQuery(PaypalRefund.BY_REFUND_ID, PaypalRefund.class)
                    .setParameter("refundId", cancellation)
                    .getResultList()
                    .isEmpty()) {
                continue;
            }
            if (reversal.creditsTaken() > 0) {
                ledger.adjust(
                        buyer,
                        reversal.creditsTaken(),
                        "PayPal",
                        "dispute " + disputeId + " resolved in the seller's favour: reversal " + reversal.refundId()
                                + " cancelled",
                        "paypal:reversal-cancelled:" + reversal.refundId());
            }
            buyer.forgiveShortfall(reversal.shortfall());
            capture.reversalCancelled(reversal.amount(), reversal.creditsDue());
            em.persist(new PaypalRefund(
                    capture,
                    cancellation,
                    ReturnKind.REVERSAL_CANCELLED,
                    reversal.amount(),
                    reversal.creditsTaken(),
                    reversal.creditsTaken(),
                    now));
            restored += reversal.creditsTaken();
        }
        String outcome = "dispute " + disputeId + " won: " + restored + " credits given back";
        capture.note(now, via + ": " + outcome);
        if (restored > 0) {
            tell(capture, "COMPLETED", restored);
        }
        return Handled.done(owner.webmasterId(), outcome);
    }

    private PaypalTransaction capture(String captureId) {
        return em.createNamedQuery(PaypalTransaction.BY_TXN, PaypalTransaction.class)
                .setParameter("txnId", captureId)
                .getSingleResult();
    }

    private void tell(PaypalTransaction capture, String status, long credits) {
        String order = capture.orderId() == null
                ? null
                : Optional.ofNullable(em.find(PaypalOrder.class, capture.orderId()))
                        .map(PaypalOrder::reference)
                        .orElse(null);
        var change = new PaymentChanged(capture.webmasterId(), capture.userId(), order, status, credits);
        afterCompletion.onCommit(() -> paymentChanged.fire(change));
    }
}
