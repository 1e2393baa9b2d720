package ppvchat.payouts.batch;

import jakarta.batch.runtime.context.JobContext;

/** The job's one parameter: the payout run it executes. */
final class RunParameter {

    private RunParameter() {}

    static long runId(JobContext job) {
        String value = job.getProperties().getProperty("runId");
        if (value == null) {
            throw new IllegalArgumentException("the payout job needs the parameter runId");
        }
        return Long.parseLong(value);
    }
}
