package ppvchat.payments.entity;

/** Where a stored PayPal message came from. */
public enum MessageSource {
    /** A webhook delivery: trusted only once PayPal verified it. */
    WEBHOOK,
    /** PayPal's answer to a call this server made over TLS. */
    API
}
