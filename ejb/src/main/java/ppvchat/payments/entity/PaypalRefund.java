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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Money that went back to a buyer (or came back), once per PayPal id: the credits it called back and how
 * many of them were still there to take. The difference is the user's shortfall.
 */
@Entity
@Table(name = "paypal_refund")
@NamedQuery(name = PaypalRefund.BY_REFUND_ID, query = "SELECT r FROM PaypalRefund r WHERE r.refundId = :refundId")
@NamedQuery(
        name = PaypalRefund.REVERSALS_OF,
        query = "SELECT r FROM PaypalRefund r WHERE r.paypalId = :paypalId"
                + " AND r.kind = ppvchat.payments.entity.ReturnKind.REVERSAL ORDER BY r.id")
public class PaypalRefund {

    public static final String BY_REFUND_ID = "PaypalRefund.byRefundId";
    public static final String REVERSALS_OF = "PaypalRefund.reversalsOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "paypal_id", nullable = false, updatable = false)
    private long paypalId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @NotNull
    @Column(name = "refund_id", updatable = false)
    private String refundId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReturnKind kind;

    @NotNull
    @Column(updatable = false)
    private BigDecimal amount;

    @Column(name = "credits_due", updatable = false)
    private long creditsDue;

    @Column(name = "credits_taken", updatable = false)
    private long creditsTaken;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected PaypalRefund() {}

    public PaypalRefund(
            PaypalTransaction capture,
            String refundId,
            ReturnKind kind,
            BigDecimal amount,
            long creditsDue,
            long creditsTaken,
            Instant now) {
        if (creditsTaken < 0 || creditsTaken > creditsDue) {
            throw new IllegalArgumentException("credits taken must be between none and all that are due");
        }
        this.webmasterId = capture.webmasterId();
        this.paypalId = capture.id();
        this.userId = capture.userId();
        this.refundId = Objects.requireNonNull(refundId);
        this.kind = Objects.requireNonNull(kind);
        this.amount = Objects.requireNonNull(amount);
        this.creditsDue = creditsDue;
        this.creditsTaken = creditsTaken;
        this.createdAt = now;
    }

    public long shortfall() {
        return creditsDue - creditsTaken;
    }

    public String refundId() {
        return refundId;
    }

    public ReturnKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public long creditsDue() {
        return creditsDue;
    }

    public long creditsTaken() {
        return creditsTaken;
    }
}
