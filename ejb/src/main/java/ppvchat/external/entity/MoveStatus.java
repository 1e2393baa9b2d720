package ppvchat.external.entity;

/** Where a call to the site's server stands. */
public enum MoveStatus {
    /** Written, not yet confirmed: a debit being made, or a refund or report still to deliver. */
    PENDING,
    /** The site's server applied it. */
    CONFIRMED,
    /** The site's server refused it for good (4xx); a refund or report refused is a discrepancy to look at. */
    REFUSED,
    /** A debit that was never booked here, undone on the site's server (or never applied there). */
    VOID
}
