package ppvchat.payouts.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import ppvchat.payouts.control.PayoutWork;

/**
 * The performers the run has still to pay, as ids in order (one object per performer, never per earning).
 * The database, not the checkpoint, says which are done: a restart of this execution and a new execution
 * after a crash both start after the last committed chunk.
 */
@Named("performersToPay")
@Dependent
public class PerformersToPay extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    PayoutWork work;

    private Iterator<Long> left;
    private Long last;

    @Override
    public void open(Serializable checkpoint) {
        left = work.performersLeft(RunParameter.runId(job)).iterator();
        last = (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (!left.hasNext()) {
            return null;
        }
        last = left.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
