package ppvchat.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.boundary.CreditAdjustments;
import ppvchat.payments.entity.PaypalDispute;
import ppvchat.payments.entity.PaypalMessage;
import ppvchat.payments.entity.PaypalTransaction;

/**
 * What a webmaster sees of PayPal: the site's captures, disputes, the users held after a refund or a
 * reversal, and the captures that were refused. Every query is scoped to the one site.
 */
@Stateless
public class PaymentRecords {

    /** A capture as the console lists it. */
    public record Capture(
            String captureId,
            long userId,
            String username,
            long credits,
            BigDecimal gross,
            String currency,
            String status,
            BigDecimal refunded,
            long creditsBack,
            Instant at) {}

    public record Dispute(
            String disputeId,
            String captureId,
            long userId,
            String username,
            String reason,
            String status,
            String outcome,
            BigDecimal amount,
            String currency,
            Instant updatedAt) {}

    public record HeldUser(long userId, String username, long credits, long shortfall, String reason) {}

    public record Refused(long messageId, String eventType, String resourceId, String outcome, Instant at) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    CreditAdjustments adjustments;

    public List<Capture> captures(long webmasterId, int limit) {
        return em.createQuery(
                        "SELECT t, u.username FROM PaypalTransaction t, ChatUser u WHERE u.id = t.userId"
                                + " AND t.webmasterId = :w AND u.webmasterId = :w ORDER BY t.id DESC",
                        Object[].class)
                .setParameter("w", webmasterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> {
                    PaypalTransaction t = (PaypalTransaction) row[0];
                    return new Capture(
                            t.txnId(),
                            t.userId(),
                            (String) row[1],
                            t.credits(),
                            t.gross(),
                            t.currency(),
                            t.status().name(),
                            t.refunded(),
                            t.creditsBack(),
                            t.date());
                })
                .toList();
    }

    public List<Dispute> disputes(long webmasterId, int limit) {
        return em.createQuery(
                        "SELECT d, t.txnId, u.username FROM PaypalDispute d, PaypalTransaction t, ChatUser u"
                                + " WHERE t.id = d.paypalId AND u.id = d.userId AND d.webmasterId = :w"
                                + " AND t.webmasterId = :w ORDER BY d.updatedAt DESC",
                        Object[].class)
                .setParameter("w", webmasterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> {
                    PaypalDispute d = (PaypalDispute) row[0];
                    return new Dispute(
                            d.disputeId(),
                            (String) row[1],
                            d.userId(),
                            (String) row[2],
                            d.reason(),
                            d.status(),
                            d.outcome(),
                            d.amount(),
                            d.currency(),
                            d.updatedAt());
                })
                .toList();
    }

    public List<HeldUser> heldUsers(long webmasterId) {
        return em.createQuery(
                        "SELECT u FROM ChatUser u WHERE u.webmasterId = :w AND u.purchasesHold IS NOT NULL"
                                + " ORDER BY u.username",
                        ChatUser.class)
                .setParameter("w", webmasterId)
                .getResultStream()
                .map(u -> new HeldUser(
                        u.id(),
                        u.username(),
                        u.credits(),
                        u.creditShortfall(),
                        u.purchasesHold().orElse("")))
                .toList();
    }

    /** Captures PayPal reported for this site that credited nothing, and why. */
    public List<Refused> refused(long webmasterId, int limit) {
        return em.createQuery(
                        "SELECT m FROM PaypalMessage m WHERE m.webmasterId = :w AND m.outcome LIKE 'refused:%'"
                                + " ORDER BY m.id DESC",
                        PaypalMessage.class)
                .setParameter("w", webmasterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(m -> new Refused(m.id(), m.eventType(), m.resourceId(), m.outcome(), m.receivedAt()))
                .toList();
    }

    /** The webmaster decided: the user may buy and book shows again. Another site's user is not found. */
    public void liftHold(long webmasterId, long userId) {
        adjustments.liftPurchasesHold(webmasterId, userId);
    }
}
