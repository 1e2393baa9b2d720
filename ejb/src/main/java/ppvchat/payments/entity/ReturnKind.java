package ppvchat.payments.entity;

/** How money went back to a buyer, or came back from them. */
public enum ReturnKind {
    /** The webmaster refunded the payment. */
    REFUND,
    /** PayPal took the payment back (a chargeback or a dispute lost). */
    REVERSAL,
    /** A reversal was undone: the dispute was resolved in the seller's favour. */
    REVERSAL_CANCELLED
}
