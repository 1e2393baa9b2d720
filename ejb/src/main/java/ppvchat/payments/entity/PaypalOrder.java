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
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.tenancy.entity.Webmaster;

/**
 * One user's order for one credit package. Credits, amount, currency and payee are copied from the
 * package and the site when the order is made: what PayPal reports later is checked against this copy.
 */
@Entity
@Table(name = "paypal_order")
@NamedQuery(name = PaypalOrder.BY_REFERENCE, query = "SELECT o FROM PaypalOrder o WHERE o.reference = :reference")
@NamedQuery(
        name = PaypalOrder.AWAITING_CAPTURE,
        query = "SELECT o FROM PaypalOrder o WHERE o.status = ppvchat.payments.entity.OrderStatus.APPROVED"
                + " AND o.updatedAt < :before ORDER BY o.updatedAt")
public class PaypalOrder {

    public static final String BY_REFERENCE = "PaypalOrder.byReference";
    public static final String AWAITING_CAPTURE = "PaypalOrder.awaitingCapture";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Column(updatable = false)
    private String reference;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(updatable = false)
    private long credits;

    @NotNull
    @Column(updatable = false)
    private BigDecimal amount;

    @NotNull
    @Column(updatable = false)
    private String currency;

    @NotNull
    @Column(updatable = false)
    private String payee;

    @Column(name = "paypal_order_id")
    private String paypalOrderId;

    @Size(max = 1000)
    @Column(name = "approve_url")
    private String approveUrl;

    @Column(name = "capture_id")
    private String captureId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Size(max = 300)
    private String failure;

    @Column(name = "capture_attempts")
    private int captureAttempts;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @NotNull
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected PaypalOrder() {}

    /** An order for {@code item}, paid to {@code payee} in the site's currency. */
    public static PaypalOrder forPackage(Webmaster site, ChatUser buyer, CreditItem item, String payee, Instant now) {
        if (buyer.webmasterId() != site.id() || item.webmasterId() != site.id()) {
            throw new IllegalArgumentException("the buyer and the package must belong to the site");
        }
        if (!item.active()) {
            throw new IllegalArgumentException("the package is no longer on sale");
        }
        PaypalOrder order = new PaypalOrder();
        order.reference = UUID.randomUUID().toString();
        order.webmasterId = site.id();
        order.userId = buyer.id();
        order.itemId = item.id();
        order.credits = item.credits();
        order.amount = item.price();
        order.currency = site.currency();
        order.payee = Objects.requireNonNull(payee);
        order.status = OrderStatus.CREATING;
        order.paypalAmount(); // a price PayPal cannot take in the currency is refused before anything starts
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /** PayPal made the order; the buyer approves it at {@code approveUrl}. */
    public void created(String paypalOrderId, String approveUrl, Instant now) {
        if (status == OrderStatus.CREATING) {
            this.paypalOrderId = Objects.requireNonNull(paypalOrderId);
            this.approveUrl = Objects.requireNonNull(approveUrl);
            moveTo(OrderStatus.CREATED, now);
        }
    }

    public void approved(Instant now) {
        if (status == OrderStatus.CREATED || status == OrderStatus.CREATING) {
            moveTo(OrderStatus.APPROVED, now);
        }
    }

    /**
     * One attempt at the capture begins, unless another began less than {@code lease} ago (the return page
     * and PayPal's approval webhook, or two servers, at once): PayPal's request id makes a repeat harmless,
     * this only spares the call.
     */
    public boolean captureTried(Instant now, Duration lease) {
        if (captureAttempts > 0 && updatedAt.plus(lease).isAfter(now)) {
            return false;
        }
        captureAttempts++;
        updatedAt = now;
        return true;
    }

    /** PayPal says the buyer has not approved it (yet): back to waiting for the approval. */
    public void notApproved(Instant now) {
        if (status == OrderStatus.APPROVED) {
            moveTo(OrderStatus.CREATED, now);
        }
    }

    /** PayPal captured the money under {@code captureId}, with the capture's status. */
    public void captured(String captureId, CaptureStatus capture, Instant now) {
        this.captureId = Objects.requireNonNull(captureId);
        switch (capture) {
            case PENDING -> {
                if (!status.isFinal()) {
                    moveTo(OrderStatus.PENDING, now);
                }
            }
            case DECLINED -> {
                if (status != OrderStatus.COMPLETED) {
                    moveTo(OrderStatus.DECLINED, now);
                }
            }
            default -> moveTo(OrderStatus.COMPLETED, now);
        }
    }

    public void cancelled(Instant now) {
        if (status == OrderStatus.CREATING || status == OrderStatus.CREATED) {
            moveTo(OrderStatus.CANCELLED, now);
        }
    }

    public void failed(String why, Instant now) {
        if (!status.isFinal() && status != OrderStatus.PENDING) {
            this.failure = why.length() > 300 ? why.substring(0, 300) : why;
            moveTo(OrderStatus.FAILED, now);
        }
    }

    private void moveTo(OrderStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    /** The amount as PayPal writes it in the currency: "10.00", but "1000" in yen, which has no decimals. */
    public String paypalAmount() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        try {
            return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException decimals) {
            throw new IllegalArgumentException("the package's price has decimals, which " + currency + " does not");
        }
    }

    /** PayPal's custom_id for the order: site, buyer, package and our reference, so a capture names them. */
    public String customId() {
        return new OrderReference(webmasterId, userId, itemId, reference).customId();
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long userId() {
        return userId;
    }

    public long itemId() {
        return itemId;
    }

    public long credits() {
        return credits;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String payee() {
        return payee;
    }

    public String paypalOrderId() {
        return paypalOrderId;
    }

    public String approveUrl() {
        return approveUrl;
    }

    public String captureId() {
        return captureId;
    }

    public OrderStatus status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    public int captureAttempts() {
        return captureAttempts;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
