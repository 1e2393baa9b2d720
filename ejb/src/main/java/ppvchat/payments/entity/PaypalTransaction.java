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
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One PayPal capture: a row of the seed's {@code ppv_paypal}. The capture id is the transaction id, 17 to
 * 19 characters (the seed stored it in an int) and unique, so one capture credits at most once. The
 * {@code log} is its trail: one line per message about it, naming the stored raw message.
 */
@Entity
@Table(name = "ppv_paypal")
@NamedQuery(name = PaypalTransaction.BY_TXN, query = "SELECT t FROM PaypalTransaction t WHERE t.txnId = :txnId")
public class PaypalTransaction {

    public static final String BY_TXN = "PaypalTransaction.byTxn";
    private static final String TXN_ID = "[A-Z0-9]{17,19}";
    private static final int LOG_LIMIT = 60_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @Pattern(regexp = TXN_ID)
    @Column(name = "txn_id", updatable = false)
    private String txnId;

    @Column(name = "userid", nullable = false, updatable = false)
    private long userId;

    @Column(name = "itemid", updatable = false)
    private Long itemId;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    @NotNull
    private BigDecimal gross;

    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    private String currency;

    @NotNull
    @Column(name = "receiver_email")
    private String receiverEmail;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status")
    private CaptureStatus status;

    /** The credits the capture bought. */
    private long credits;

    /** Money PayPal sent back to the buyer (refunds and reversals). */
    @NotNull
    private BigDecimal refunded;

    /** Credits called back for that money; some may have been spent already (see paypal_refund). */
    @Column(name = "credits_back")
    private long creditsBack;

    @NotNull
    private String log;

    @NotNull
    private Instant date;

    protected PaypalTransaction() {}

    /** The capture of {@code order}, as PayPal reported it. */
    public static PaypalTransaction capture(PaypalOrder order, String captureId, CaptureStatus status, Instant now) {
        if (captureId == null || !captureId.matches(TXN_ID)) {
            throw new IllegalArgumentException("a PayPal transaction id is 17 to 19 letters and digits");
        }
        PaypalTransaction txn = new PaypalTransaction();
        txn.webmasterId = order.webmasterId();
        txn.txnId = captureId;
        txn.userId = order.userId();
        txn.itemId = order.itemId();
        txn.orderId = order.id();
        txn.credits = order.credits();
        txn.gross = order.amount();
        txn.currency = order.currency();
        txn.receiverEmail = order.payee();
        txn.status = Objects.requireNonNull(status);
        txn.refunded = BigDecimal.ZERO.setScale(2);
        txn.log = "";
        txn.date = now;
        return txn;
    }

    /** PayPal completed a pending capture (or one it had reported declined). */
    public void complete() {
        if (status == CaptureStatus.PENDING || status == CaptureStatus.DECLINED) {
            status = CaptureStatus.COMPLETED;
        }
    }

    public void decline() {
        if (status == CaptureStatus.PENDING) {
            status = CaptureStatus.DECLINED;
        }
    }

    /**
     * Money went back to the buyer. Returns the credits now due back for it: the capture's credits in
     * proportion to all the money returned so far, rounded up (credits are never kept for money
     * returned), less what earlier returns already called back.
     */
    public long moneyReturned(BigDecimal amount, boolean reversal) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a refund returns a positive amount");
        }
        refunded = refunded.add(amount).min(gross);
        long dueInAll = status.credited()
                ? BigDecimal.valueOf(credits)
                        .multiply(refunded)
                        .divide(gross, 0, RoundingMode.CEILING)
                        .longValueExact()
                : 0;
        long due = Math.max(0, dueInAll - creditsBack);
        creditsBack += due;
        if (status.credited()) {
            status = reversal
                    ? CaptureStatus.REVERSED
                    : refunded.compareTo(gross) >= 0 ? CaptureStatus.REFUNDED : CaptureStatus.PARTIALLY_REFUNDED;
        }
        return due;
    }

    /** A reversal was cancelled: the money and the credits it called back are the buyer's again. */
    public void reversalCancelled(BigDecimal amount, long credits) {
        refunded = refunded.subtract(amount).max(BigDecimal.ZERO.setScale(2));
        creditsBack = Math.max(0, creditsBack - credits);
        status = refunded.signum() == 0 ? CaptureStatus.COMPLETED : CaptureStatus.PARTIALLY_REFUNDED;
    }

    /** Adds one line to the trail; the oldest lines give way if it grows past the column's size. */
    public void note(Instant at, String line) {
        String added = log + at + " " + line.replace('\n', ' ') + "\n";
        while (added.length() > LOG_LIMIT && added.indexOf('\n') >= 0) {
            added = added.substring(added.indexOf('\n') + 1);
        }
        log = added;
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public String txnId() {
        return txnId;
    }

    public long userId() {
        return userId;
    }

    public Long orderId() {
        return orderId;
    }

    public long credits() {
        return credits;
    }

    public BigDecimal gross() {
        return gross;
    }

    public String currency() {
        return currency;
    }

    public CaptureStatus status() {
        return status;
    }

    public BigDecimal refunded() {
        return refunded;
    }

    public long creditsBack() {
        return creditsBack;
    }

    public String log() {
        return log;
    }

    /** When the capture was first recorded here. */
    public Instant date() {
        return date;
    }
}
