/**
 * Jakarta Batch jobs: the payout statement job (job XML under {@code META-INF/batch-jobs}) and the schedule
 * that starts it. Packaged once per application: a library of the EAR, and a jar in the Micro WAR.
 */
package ppvchat.payouts.batch;
