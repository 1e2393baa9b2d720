package ppvchat.external.entity;

/** What a call to the site's server does: moves credits (debit, refund) or tells it what happened (reports). */
public enum MoveKind {
    DEBIT,
    REFUND,
    SHOW_REPORT,
    TIP_REPORT
}
