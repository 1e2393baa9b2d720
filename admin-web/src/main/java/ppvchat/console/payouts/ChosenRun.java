package ppvchat.console.payouts;

import java.io.Serializable;
import java.util.List;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.payouts.boundary.PayoutStatements;

/**
 * The run the Payouts page shows under the list of runs: its progress, what its statements add up to once it
 * has finished, and the earnings it left unpaid. Read again on every tick of the page's poll.
 */
public class ChosenRun implements Serializable {

    private static final long serialVersionUID = 1L;

    private PayoutRuns.Run run;
    private RunTotals totals;
    private List<PayoutRuns.Skipped> skipped = List.of();

    /** Reads the site's run; refused (NotFound) when the site has no such run. */
    void read(PayoutRuns runs, PayoutStatements statements, long site, long runId) {
        clear();
        PayoutRuns.Run found = runs.find(site, runId);
        List<PayoutRuns.Skipped> left = runs.skipped(site, runId);
        totals = found.active() ? null : RunTotals.of(statements.ofRun(site, runId, 0, Integer.MAX_VALUE));
        skipped = left;
        run = found;
    }

    void clear() {
        run = null;
        totals = null;
        skipped = List.of();
    }

    boolean active() {
        return run != null && run.active();
    }

    boolean failed() {
        return run != null && run.failed();
    }

    /** The run's id, or null when none is chosen. */
    Long id() {
        return run == null ? null : run.id();
    }

    public PayoutRuns.Run getRun() {
        return run;
    }

    public RunTotals getTotals() {
        return totals;
    }

    public List<PayoutRuns.Skipped> getSkipped() {
        return skipped;
    }
}
