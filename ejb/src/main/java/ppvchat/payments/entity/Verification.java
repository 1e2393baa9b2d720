package ppvchat.payments.entity;

/** What is known of a stored PayPal message's authenticity. */
public enum Verification {
    /** A webhook not yet verified (PayPal's verify call has not answered). */
    PENDING,
    SUCCESS,
    FAILURE,
    /** The same event, byte for byte, as a delivery already verified and acted on. */
    DUPLICATE,
    /** PayPal's answer to our own call: nothing to verify. */
    NOT_NEEDED
}
