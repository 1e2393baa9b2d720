package ppvchat.payments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;
import ppvchat.payments.entity.CreditItem;
import ppvchat.payments.entity.PaymentsNotSetUp;
import ppvchat.payments.entity.PaypalOrder;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/** The orders' rows, each step in a transaction of its own: the calls to PayPal happen between them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaypalOrders {

    private static final Duration CAPTURE_LEASE = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A new order for the buyer: a package of the site that is on sale, paid to the site's account. */
    public PaypalOrder open(long webmasterId, long userId, long packageId) {
        Webmaster site = em.find(Webmaster.class, webmasterId);
        ChatUser buyer = em.find(ChatUser.class, userId);
        if (site == null || buyer == null || buyer.webmasterId() != webmasterId) {
            throw new NotFound("no such user on this site");
        }
        if (buyer.role() == Role.GUEST) {
            throw new Forbidden("guests cannot buy credits: sign in or register first");
        }
        if (buyer.purchasesHold().isPresent()) {
            throw new Forbidden("purchases are on hold for this account after a refund or a reversal;"
                    + " the site's support can help");
        }
        CreditItem item = em.find(CreditItem.class, packageId);
        if (item == null || item.webmasterId() != webmasterId || !item.active()) {
            throw new NotFound("no package " + packageId + " is on sale here");
        }
        String payee = site.paypalPayee()
                .orElseThrow(() -> new PaymentsNotSetUp("this site does not take PayPal payments yet"));
        PaypalOrder order = PaypalOrder.forPackage(site, buyer, item, payee, clock.instant());
        em.persist(order);
        em.flush();
        return order;
    }

    public void created(String reference, String paypalOrderId, String approveUrl) {
        locked(reference).created(paypalOrderId, approveUrl, clock.instant());
    }

    public void approved(String reference) {
        locked(reference).approved(clock.instant());
    }

    /** The order, if this caller may try its capture now (see {@link PaypalOrder#captureTried}). */
    public Optional<PaypalOrder> captureTried(String reference) {
        PaypalOrder order = locked(reference);
        return order.captureTried(clock.instant(), CAPTURE_LEASE) ? Optional.of(order) : Optional.empty();
    }

    public void notApproved(String reference) {
        locked(reference).notApproved(clock.instant());
    }

    public void cancelled(String reference) {
        locked(reference).cancelled(clock.instant());
    }

    public void failed(String reference, String why) {
        locked(reference).failed(why, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaypalOrder> byReference(String reference) {
        if (reference == null || !reference.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return em.createNamedQuery(PaypalOrder.BY_REFERENCE, PaypalOrder.class)
                .setParameter("reference", reference)
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaypalOrder> byPaypalId(String paypalOrderId) {
        return em.createQuery("SELECT o FROM PaypalOrder o WHERE o.paypalOrderId = :id", PaypalOrder.class)
                .setParameter("id", paypalOrderId)
                .getResultStream()
                .findFirst();
    }

    /** Approved orders whose capture failed (PayPal down) and was last tried before {@code before}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> awaitingCapture(Instant before, int limit) {
        return em.createNamedQuery(PaypalOrder.AWAITING_CAPTURE, PaypalOrder.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultStream()
                .map(PaypalOrder::reference)
                .toList();
    }

    /** PayPal forgets an approval after three hours; older orders end, abandoned ones closed, failed ones failed. */
    public int expire(Instant createdBefore) {
        List<PaypalOrder> stale = em.createQuery(
                        "SELECT o FROM PaypalOrder o WHERE o.status IN (ppvchat.payments.entity.OrderStatus.CREATING,"
                                + " ppvchat.payments.entity.OrderStatus.CREATED, ppvchat.payments.entity.OrderStatus.APPROVED)"
                                + " AND o.createdAt < :before",
                        PaypalOrder.class)
                .setParameter("before", createdBefore)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(500)
                .getResultList();
        Instant now = clock.instant();
        for (PaypalOrder order : stale) {
            if (order.status() == ppvchat.payments.entity.OrderStatus.APPROVED) {
                order.failed("PayPal could not capture it while the approval lasted", now);
            } else {
                order.cancelled(now);
            }
        }
        return stale.size();
    }

    private PaypalOrder locked(String reference) {
        return em.createNamedQuery(PaypalOrder.BY_REFERENCE, PaypalOrder.class)
                .setParameter("reference", reference)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("no order " + reference));
    }
}
