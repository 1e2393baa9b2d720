package ppvchat.payouts.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import ppvchat.payouts.control.PayoutWork;

/** Pays a chunk of performers: their statements, marks and the run's progress, in the chunk's transaction. */
@Named("statementWriter")
@Dependent
public class StatementWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    PayoutWork work;

    @Override
    public void writeItems(List<Object> performers) {
        work.pay(
                RunParameter.runId(job),
                performers.stream().map(Long.class::cast).toList());
    }
}
