package ppvchat.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A settled PayPal transaction: a row of the seed's {@code ppv_paypal}. The transaction id is a string of
 * 17 to 19 characters (the seed stored it in an int) and unique, so one transaction credits at most once.
 * The raw notification is kept in {@code log} for audit.
 */
@Entity
@Table(name = "ppv_paypal")
@NamedQuery(name = PaypalTransaction.BY_TXN, query = "SELECT t FROM PaypalTransaction t WHERE t.txnId = :txnId")
public class PaypalTransaction {

    public static final String BY_TXN = "PaypalTransaction.byTxn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @Pattern(regexp = "[A-Z0-9]{17,19}")
    @Column(name = "txn_id", updatable = false)
    private String txnId;

    @Column(name = "userid", nullable = false, updatable = false)
    private long userId;

    @Column(name = "itemid", updatable = false)
    private Long itemId;

    @NotNull
    private BigDecimal gross;

    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    private String currency;

    @NotNull
    @Column(name = "receiver_email")
    private String receiverEmail;

    @NotNull
    @Column(name = "payment_status")
    private String paymentStatus;

    private long credits;

    @NotNull
    private String log;

    @NotNull
    private Instant date;

    protected PaypalTransaction() {}

    public PaypalTransaction(
            long webmasterId,
            String txnId,
            long userId,
            CreditItem item,
            BigDecimal gross,
            String currency,
            String receiverEmail,
            String paymentStatus,
            String log,
            Instant now) {
        if (txnId == null || !txnId.matches("[A-Z0-9]{17,19}")) {
            throw new IllegalArgumentException("a PayPal transaction id is 17 to 19 letters and digits");
        }
        this.webmasterId = webmasterId;
        this.txnId = txnId;
        this.userId = userId;
        this.itemId = item.id();
        this.credits = item.credits();
        this.gross = Objects.requireNonNull(gross);
        this.currency = Objects.requireNonNull(currency);
        this.receiverEmail = Objects.requireNonNull(receiverEmail);
        this.paymentStatus = Objects.requireNonNull(paymentStatus);
        this.log = Objects.requireNonNull(log);
        this.date = Objects.requireNonNull(now);
    }

    public Long id() {
        return id;
    }

    public String txnId() {
        return txnId;
    }

    public long userId() {
        return userId;
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

    public String log() {
        return log;
    }
}
