package ppvchat.payouts.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.payouts.control.PayoutWork;

/** Records on the run why its statements step failed, for the console; the committed chunks stay. */
@Named("payoutStepListener")
@Dependent
public class PayoutStepListener extends AbstractStepListener {

    private static final Logger LOG = Logger.getLogger(PayoutStepListener.class.getName());

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    PayoutWork work;

    @Override
    public void afterStep() {
        Exception failure = step.getException();
        if (failure != null) {
            long runId = RunParameter.runId(job);
            LOG.log(
                    Level.WARNING,
                    "payout run " + runId + " failed; it resumes from its last chunk when started again",
                    failure);
            work.fail(runId, describe(failure));
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "stopped after its last committed chunk: " + message;
    }
}
