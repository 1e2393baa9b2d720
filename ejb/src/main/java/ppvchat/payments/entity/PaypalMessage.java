package ppvchat.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;

/**
 * One message from PayPal, kept raw for audit: a webhook delivery (every retry its own row) or the answer
 * to one of our calls. A webhook is stored before it is answered and acted on later; until then
 * {@code processedAt} is null.
 */
@Entity
@Table(name = "ppv_paypal_message")
@NamedQuery(
        name = PaypalMessage.VERIFIED_TWIN,
        query = "SELECT m FROM PaypalMessage m WHERE m.eventId = :eventId AND m.bodySha256 = :sha"
                + " AND m.verification = ppvchat.payments.entity.Verification.SUCCESS AND m.processedAt IS NOT NULL"
                + " AND m.id <> :id")
@NamedQuery(
        name = PaypalMessage.UNPROCESSED,
        query = "SELECT m.id FROM PaypalMessage m WHERE m.processedAt IS NULL AND m.nextAttemptAt <= :now"
                + " ORDER BY m.nextAttemptAt")
public class PaypalMessage {

    public static final String VERIFIED_TWIN = "PaypalMessage.verifiedTwin";
    public static final String UNPROCESSED = "PaypalMessage.unprocessed";
    private static final int OUTCOME_LIMIT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid")
    private Long webmasterId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MessageSource source;

    @Column(name = "event_id", updatable = false)
    private String eventId;

    @NotNull
    @Column(name = "event_type", updatable = false)
    private String eventType;

    @Column(name = "resource_id", updatable = false)
    private String resourceId;

    @NotNull
    @Column(name = "body_sha256", updatable = false)
    private String bodySha256;

    @Column(updatable = false)
    private String headers;

    @NotNull
    @Column(updatable = false)
    private String body;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Verification verification;

    private String outcome;

    private int attempts;

    @NotNull
    @Column(name = "received_at", updatable = false)
    private Instant receivedAt;

    @NotNull
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected PaypalMessage() {}

    public static PaypalMessage webhook(
            String eventId,
            String eventType,
            String resourceId,
            String headers,
            String body,
            String sha256,
            Instant now) {
        PaypalMessage message = new PaypalMessage(MessageSource.WEBHOOK, eventType, body, sha256, now);
        message.eventId = eventId;
        message.resourceId = resourceId;
        message.headers = headers;
        message.verification = Verification.PENDING;
        return message;
    }

    /** PayPal's answer to our call {@code operation} (e.g. ORDER.CAPTURE), already acted on by the caller. */
    public static PaypalMessage answer(
            long webmasterId, String operation, String resourceId, String body, String sha256, Instant now) {
        PaypalMessage message = new PaypalMessage(MessageSource.API, operation, body, sha256, now);
        message.webmasterId = webmasterId;
        message.resourceId = resourceId;
        message.verification = Verification.NOT_NEEDED;
        return message;
    }

    private PaypalMessage(MessageSource source, String eventType, String body, String sha256, Instant now) {
        this.source = source;
        this.eventType = Objects.requireNonNull(eventType);
        this.body = Objects.requireNonNull(body);
        this.bodySha256 = Objects.requireNonNull(sha256);
        this.receivedAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * Claimed for one attempt: the next one may start only after a backoff (5 s, doubling, at most an
     * hour), which is also how long nobody else may take the message over.
     */
    public boolean claim(Instant now) {
        if (processedAt != null || now.isBefore(nextAttemptAt)) {
            return false;
        }
        attempts++;
        long backoffSeconds = Math.min(3_600, 5L << Math.min(attempts - 1, 10));
        nextAttemptAt = now.plusSeconds(backoffSeconds);
        return true;
    }

    public void verified(Verification result) {
        this.verification = result;
    }

    /** Done with: what was decided, and for which site if it concerned one. */
    public void processed(Long webmasterId, String outcome, Instant now) {
        if (webmasterId != null) {
            this.webmasterId = webmasterId;
        }
        this.outcome = shortened(outcome);
        this.processedAt = now;
    }

    /** Not done yet (PayPal could not verify now, or the capture it concerns is not known yet). */
    public void postponed(String why) {
        this.outcome = shortened(why);
    }

    private static String shortened(String text) {
        return text == null || text.length() <= OUTCOME_LIMIT ? text : text.substring(0, OUTCOME_LIMIT);
    }

    public Long id() {
        return id;
    }

    public Long webmasterId() {
        return webmasterId;
    }

    public MessageSource source() {
        return source;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String bodySha256() {
        return bodySha256;
    }

    public String headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    public Verification verification() {
        return verification;
    }

    public String outcome() {
        return outcome;
    }

    public int attempts() {
        return attempts;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant processedAt() {
        return processedAt;
    }
}
