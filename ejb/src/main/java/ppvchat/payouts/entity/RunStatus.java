package ppvchat.payouts.entity;

/** A payout run is queued, runs, and completes; a failed or interrupted run resumes where it stopped. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
