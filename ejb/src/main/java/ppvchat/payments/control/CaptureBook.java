package ppvchat.payments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.payments.entity.CaptureStatus;
import ppvchat.payments.entity.CreditItem;
import ppvchat.payments.entity.OrderReference;
import ppvchat.payments.entity.OrderStatus;
import ppvchat.payments.entity.PaymentChanged;
import ppvchat.payments.entity.PaypalOrder;
import ppvchat.payments.entity.PaypalTransaction;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.entity.NotFound;

/**
 * Records what PayPal says about a capture, from whichever path tells first (our capture call or a
 * webhook): credits once, and only for our order, paid to the site's account, in the order's amount and
 * currency. Everything runs after the buyer's row is locked, so the two paths and duplicate deliveries
 * take turns and each sees what the one before it wrote.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CaptureBook {

    private static final Logger LOG = Logger.getLogger(CaptureBook.class.getName());

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

    public Handled record(CaptureFacts capture, String via) {
        String missing = capture.missing();
        if (missing != null) {
            return Handled.refused(null, "the capture is incomplete (" + missing + "); nothing credited");
        }
        Optional<OrderReference> named = OrderReference.parse(capture.customId());
        if (named.isEmpty()) {
            return Handled.refused(
                    null,
                    "capture " + capture.captureId() + " was not made by an order of this site; nothing credited");
        }
        OrderReference reference = named.get();
        long site = reference.webmasterId();
        ChatUser buyer;
        try {
            buyer = ledger.lockUser(site, reference.userId()); // first: every later read sees the latest
        } catch (NotFound unknown) {
            return refused(site, capture, "it names user " + reference.userId() + ", unknown on site " + site);
        }
        CreditItem item = em.find(CreditItem.class, reference.itemId());
        if (item == null || item.webmasterId() != site) {
            return refused(site, capture, "it names package " + reference.itemId() + ", unknown on this site");
        }
        PaypalOrder order = em.createNamedQuery(PaypalOrder.BY_REFERENCE, PaypalOrder.class)
                .setParameter("reference", reference.reference())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (order == null) {
            return refused(site, capture, "it names order " + reference.reference() + ", unknown here");
        }
        if (order.webmasterId() != site || order.userId() != buyer.id() || order.itemId() != item.id()) {
            return refused(site, capture, "its custom_id does not match order " + order.reference());
        }
        if (capture.paypalOrderId() != null
                && order.paypalOrderId() != null
                && !capture.paypalOrderId().equals(order.paypalOrderId())) {
            return refused(site, capture, "it belongs to PayPal order " + capture.paypalOrderId());
        }
        if (order.captureId() != null && !order.captureId().equals(capture.captureId())) {
            return refused(
                    site, capture, "order " + order.reference() + " was paid already, by capture " + order.captureId());
        }
        if (!capture.paidTo(order.payee())) {
            return refused(site, capture, "paid to " + capture.paidToText() + ", not to the site's " + order.payee());
        }
        if (capture.amount().compareTo(order.amount()) != 0 || !order.currency().equals(capture.currency())) {
            return refused(
                    site,
                    capture,
                    "paid " + capture.amount() + " " + capture.currency() + ", the package costs " + order.amount()
                            + " " + order.currency());
        }
        CaptureStatus status;
        try {
            status = CaptureStatus.ofPaypal(capture.status());
        } catch (IllegalArgumentException unknown) {
            return refused(site, capture, "its status " + capture.status() + " is not one a capture has");
        }
        // Seen for the first time already (partly) refunded: it was paid, so it credits; the refunds,
        // each with its own webhook, take the credits back.
        return apply(order, buyer, capture.captureId(), status.credited() ? CaptureStatus.COMPLETED : status, via);
    }

    private Handled apply(PaypalOrder order, ChatUser buyer, String captureId, CaptureStatus status, String via) {
        Instant now = clock.instant();
        PaypalTransaction txn = em.createNamedQuery(PaypalTransaction.BY_TXN, PaypalTransaction.class)
                .setParameter("txnId", captureId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        boolean credit;
        String outcome;
        if (txn == null) {
            txn = PaypalTransaction.capture(order, captureId, status, now);
            em.persist(txn);
            em.flush();
            credit = status == CaptureStatus.COMPLETED;
            outcome = credit ? "credited " + order.credits() : "recorded " + status + ", nothing credited";
        } else if (txn.status().credited()) {
            credit = false;
            outcome = "already credited: nothing changes";
        } else if (status == CaptureStatus.COMPLETED) {
            txn.complete();
            credit = true;
            outcome = "completed after " + txn.status() + ": credited " + order.credits();
        } else if (status == CaptureStatus.DECLINED) {
            txn.decline();
            credit = false;
            outcome = "declined: nothing credited";
        } else {
            credit = false;
            outcome = "still " + txn.status() + ": nothing credited";
        }
        if (credit) {
            ledger.post(
                    buyer,
                    EntryKind.PURCHASE,
                    order.credits(),
                    "paypal:capture:" + captureId,
                    LedgerReference.paypal(txn.id()));
        }
        OrderStatus before = order.status();
        order.captured(captureId, status, now);
        txn.note(now, via + ": capture " + status + ", " + outcome);
        if (credit || before != order.status()) {
            var change = new PaymentChanged(
                    order.webmasterId(),
                    order.userId(),
                    order.reference(),
                    order.status().name(),
                    credit ? order.credits() : 0);
            afterCompletion.onCommit(() -> paymentChanged.fire(change));
        }
        return Handled.done(order.webmasterId(), "capture " + captureId + " " + outcome);
    }

    private static Handled refused(long site, CaptureFacts capture, String why) {
        LOG.warning(() -> "PayPal capture " + capture.captureId() + " refused for site " + site + ": " + why);
        return Handled.refused(site, "capture " + capture.captureId() + ": " + why + "; nothing credited");
    }
}
