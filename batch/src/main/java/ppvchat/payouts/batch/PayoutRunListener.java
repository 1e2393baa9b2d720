package ppvchat.payouts.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ppvchat.payouts.control.PayoutWork;

/** An execution takes its run: RUNNING on this node, one more attempt. A completed run refuses. */
@Named("payoutRunListener")
@Dependent
public class PayoutRunListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    PayoutWork work;

    @Override
    public void beforeJob() {
        work.begin(RunParameter.runId(job));
    }
}
