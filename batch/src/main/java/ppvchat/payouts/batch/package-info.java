/**
 * The payout statement job ({@code META-INF/batch-jobs/payout-statements.xml}): a chunk step whose items are
 * performers, read from the run's list of performers with unpaid earnings and paid a chunk at a time by
 * {@link ppvchat.payouts.control.PayoutWork} in the chunk's transaction, then a step that completes the run.
 * The artifacts are thin: what a run did lives in the application's database, so a run interrupted by a
 * failure or a killed server resumes after its last committed chunk. Scheduling is the core's
 * {@link ppvchat.payouts.control.PayoutScheduler}, which starts this job by name. Packaged once per
 * application: a library of the EAR, a jar in the Micro WAR.
 */
package ppvchat.payouts.batch;
