package ppvchat.payments.entity;

/** Where a user's PayPal order stands, as the buy-credits dialog shows it. */
public enum OrderStatus {
    /** Saved here, PayPal not asked yet (or it did not answer). */
    CREATING,
    /** Waiting for the buyer to approve it at PayPal. */
    CREATED,
    /** Approved by the buyer; being captured. */
    APPROVED,
    /** Captured, but PayPal holds the money for review: no credits until it completes. */
    PENDING,
    /** Paid: the credits were added. */
    COMPLETED,
    DECLINED,
    CANCELLED,
    FAILED;

    /** Nothing more will happen to the order itself (refunds are the capture's business). */
    public boolean isFinal() {
        return this == COMPLETED || this == DECLINED || this == CANCELLED || this == FAILED;
    }
}
