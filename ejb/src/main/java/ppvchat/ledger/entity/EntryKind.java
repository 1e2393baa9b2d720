package ppvchat.ledger.entity;

/** Why a balance changed. Each kind has a fixed direction, also enforced by the database. */
public enum EntryKind {
    /** Credits bought (a PayPal package, or the external site's purchase). */
    PURCHASE,
    /** Seconds of a private show. */
    SHOW_CHARGE,
    TIP,
    /** Money returned to the buyer; the credits it bought go with it. */
    REFUND,
    /** A payment taken back by PayPal (chargeback, reversal); the credits it bought go with it. */
    REVERSAL,
    /** A correction by a person, with their name and reason; either direction. */
    ADJUSTMENT,
    /** External mode: credits the site's own server debited for the chat to spend (a show's block, a tip). */
    EXT_DEBIT,
    /** External mode: what a show's blocks did not use, given back to the site's server. */
    EXT_RETURN;

    public boolean accepts(long credits) {
        return switch (this) {
            case PURCHASE, EXT_DEBIT -> credits > 0;
            case SHOW_CHARGE, TIP, REFUND, REVERSAL, EXT_RETURN -> credits < 0;
            case ADJUSTMENT -> credits != 0;
        };
    }

    /** Spending on performers, as opposed to money coming in or going back out. */
    public boolean isSpend() {
        return this == SHOW_CHARGE || this == TIP;
    }
}
