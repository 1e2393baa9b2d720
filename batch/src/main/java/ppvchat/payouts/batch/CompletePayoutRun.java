package ppvchat.payouts.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ppvchat.payouts.control.PayoutWork;

/** Every performer is paid: the run is complete and its period closed. */
@Named("completePayoutRun")
@Dependent
public class CompletePayoutRun extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    PayoutWork work;

    @Override
    public String process() {
        work.complete(RunParameter.runId(job));
        return BatchStatus.COMPLETED.name();
    }
}
