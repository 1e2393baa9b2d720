package ppvchat.payments.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import ppvchat.payments.entity.PaypalMessage;
import ppvchat.payments.entity.Verification;

/** The stored PayPal messages, each change in a transaction of its own so the record survives what follows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaypalMessages {

    /** PayPal retries a webhook for three days; we keep trying ours as long, then leave it for people. */
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public long webhook(String eventId, String eventType, String resourceId, WebhookHeaders headers, String body) {
        PaypalMessage message = PaypalMessage.webhook(
                eventId, eventType, resourceId, headers.text(), body, sha256(body), clock.instant());
        em.persist(message);
        em.flush();
        return message.id();
    }

    /** PayPal's answer to our call, stored as it came. */
    public long answer(long webmasterId, String operation, String resourceId, String body, String outcome) {
        PaypalMessage message =
                PaypalMessage.answer(webmasterId, operation, resourceId, body, sha256(body), clock.instant());
        message.processed(webmasterId, outcome, clock.instant());
        em.persist(message);
        em.flush();
        return message.id();
    }

    /**
     * The message to work on, counted as one more attempt; empty if it is done with, or another attempt
     * (here or on another server) holds it.
     */
    public Optional<PaypalMessage> claim(long id) {
        PaypalMessage message = em.find(PaypalMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.claim(clock.instant())) {
            return Optional.empty();
        }
        em.flush();
        em.detach(message);
        return Optional.of(message);
    }

    /** An earlier delivery of the same event, byte for byte, that was verified and acted on. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Long> verifiedTwin(PaypalMessage message) {
        if (message.eventId() == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(PaypalMessage.VERIFIED_TWIN, PaypalMessage.class)
                .setParameter("eventId", message.eventId())
                .setParameter("sha", message.bodySha256())
                .setParameter("id", message.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(PaypalMessage::id);
    }

    public void verified(long id, Verification result) {
        em.find(PaypalMessage.class, id).verified(result);
    }

    /** Done with; the first to finish a message writes its outcome, a late second attempt changes nothing. */
    public void finish(long id, Verification verification, Handled handled) {
        PaypalMessage message = em.find(PaypalMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message.processedAt() == null) {
            message.verified(verification);
            message.processed(handled.webmasterId(), handled.outcome(), clock.instant());
        }
    }

    /** Not done yet: tried again after the backoff its claim set, for as long as PayPal retries webhooks. */
    public void postpone(long id, String why) {
        PaypalMessage message = em.find(PaypalMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message.processedAt() == null) {
            message.postponed(why);
            Instant now = clock.instant();
            if (message.receivedAt().isBefore(now.minus(GIVE_UP_AFTER))) {
                message.processed(null, "gave up after " + message.attempts() + " attempts in three days: " + why, now);
            }
        }
    }

    /** Messages whose next attempt is due, the longest waiting first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(Instant now, int limit) {
        return em.createNamedQuery(PaypalMessage.UNPROCESSED, Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
