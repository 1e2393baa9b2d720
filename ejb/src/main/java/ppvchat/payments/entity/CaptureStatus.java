package ppvchat.payments.entity;

/** A PayPal capture's state as this site recorded it ({@code ppv_paypal.payment_status}). */
public enum CaptureStatus {
    PENDING,
    COMPLETED,
    DECLINED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    REVERSED;

    /** The capture's credits were added (and may since have been taken back). */
    public boolean credited() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED || this == REVERSED;
    }

    /** PayPal's capture status, as its API and webhooks spell it. */
    public static CaptureStatus ofPaypal(String status) {
        return switch (status == null ? "" : status) {
            case "COMPLETED" -> COMPLETED;
            case "PENDING" -> PENDING;
            case "DECLINED", "DENIED", "FAILED" -> DECLINED;
            case "PARTIALLY_REFUNDED" -> PARTIALLY_REFUNDED;
            case "REFUNDED" -> REFUNDED;
            default -> throw new IllegalArgumentException("unknown PayPal capture status " + status);
        };
    }
}
