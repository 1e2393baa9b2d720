package ppvchat.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A buyer's dispute of a capture, as PayPal last described it; shown to the webmaster. */
@Entity
@Table(name = "paypal_dispute")
@NamedQuery(name = PaypalDispute.BY_DISPUTE_ID, query = "SELECT d FROM PaypalDispute d WHERE d.disputeId = :disputeId")
@NamedQuery(
        name = PaypalDispute.OF_WEBMASTER,
        query = "SELECT d FROM PaypalDispute d WHERE d.webmasterId = :webmasterId ORDER BY d.updatedAt DESC")
public class PaypalDispute {

    public static final String BY_DISPUTE_ID = "PaypalDispute.byDisputeId";
    public static final String OF_WEBMASTER = "PaypalDispute.ofWebmaster";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @Column(name = "dispute_id", updatable = false)
    private String disputeId;

    @Column(name = "paypal_id", nullable = false, updatable = false)
    private long paypalId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    private String reason;

    @NotNull
    private String status;

    private String outcome;

    private BigDecimal amount;

    private String currency;

    @NotNull
    @Column(name = "opened_at", updatable = false)
    private Instant openedAt;

    @NotNull
    @Column(name = "updated_at")
    private Instant updatedAt;

    /** PayPal's time of the description kept here. */
    @Column(name = "paypal_updated_at")
    private Instant paypalUpdatedAt;

    protected PaypalDispute() {}

    public PaypalDispute(PaypalTransaction capture, String disputeId, Instant now) {
        this.webmasterId = capture.webmasterId();
        this.paypalId = capture.id();
        this.userId = capture.userId();
        this.disputeId = Objects.requireNonNull(disputeId);
        this.status = "OPEN";
        this.openedAt = now;
        this.updatedAt = now;
    }

    /**
     * PayPal's description as of {@code paypalTime}; false, changing nothing, when a newer one is kept
     * already (webhooks arrive out of order; PayPal's times are to the second, so an equal time applies).
     */
    public boolean describe(
            String reason,
            String status,
            String outcome,
            BigDecimal amount,
            String currency,
            Instant paypalTime,
            Instant now) {
        if (paypalTime != null && paypalUpdatedAt != null && paypalTime.isBefore(paypalUpdatedAt)) {
            return false;
        }
        this.paypalUpdatedAt = paypalTime == null ? paypalUpdatedAt : paypalTime;
        this.reason = reason == null ? this.reason : cut(reason, 60);
        this.status = status == null ? this.status : cut(status, 40);
        this.outcome = outcome == null ? this.outcome : cut(outcome, 60);
        this.amount = amount == null ? this.amount : amount;
        this.currency = currency == null ? this.currency : currency;
        this.updatedAt = now;
        return true;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public long webmasterId() {
        return webmasterId;
    }

    public String disputeId() {
        return disputeId;
    }

    public long paypalId() {
        return paypalId;
    }

    public long userId() {
        return userId;
    }

    public String reason() {
        return reason;
    }

    public String status() {
        return status;
    }

    public String outcome() {
        return outcome;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
