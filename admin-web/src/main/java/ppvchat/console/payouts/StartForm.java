package ppvchat.console.payouts;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ppvchat.payouts.boundary.PayoutRuns;
import ppvchat.payouts.entity.PayoutPeriod;

/**
 * What the "Start a run" form holds on the Payouts page: the first and last day of the period, and after a
 * platform admin's run for all sites, each site's outcome. The boundary judges the period; this only carries
 * it and says the outcome in words.
 */
public class StartForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate first;
    private LocalDate last;
    private List<PayoutRuns.SiteOutcome> outcomes = List.of();

    /** The days the form offers: the site's last full week until someone changes them. */
    void offer(PayoutPeriod period) {
        first = period.start();
        last = period.lastDay();
    }

    /** Starts the run for the form's days (or finds the one there is) on one site. */
    PayoutRuns.Run start(PayoutRuns runs, long webmasterId, String account) {
        return runs.start(webmasterId, first, last, account);
    }

    /** Starts the form's days on every running site; returns what to tell the platform admin. */
    String startEverywhere(PayoutRuns runs, String account) {
        outcomes = List.copyOf(runs.startForAllSites(first, last, account));
        long refused =
                outcomes.stream().filter(outcome -> outcome.refusal() != null).count();
        return "Runs started for " + (outcomes.size() - refused) + " of " + outcomes.size() + " sites"
                + (refused > 0 ? "; the others say why below." : ".");
    }

    /** The run the last run for all sites started on this site, if it did. */
    Optional<Long> runOf(long webmasterId) {
        return outcomes.stream()
                .filter(outcome -> outcome.webmasterId() == webmasterId && outcome.run() != null)
                .map(outcome -> outcome.run().id())
                .findFirst();
    }

    /** What to say once a run was asked for: a finished one is only shown again, anything else goes on. */
    static String started(PayoutRuns.Run run, boolean resuming) {
        if ("COMPLETED".equals(run.status())) {
            return "The run for " + run.period() + " has already completed. Running it again pays nothing twice:"
                    + " its statements are shown below.";
        }
        return (resuming ? "Resumed the run for " : "Started the run for ") + run.period()
                + ". Its progress shows below as it goes.";
    }

    public List<PayoutRuns.SiteOutcome> getOutcomes() {
        return outcomes;
    }

    public LocalDate getFirst() {
        return first;
    }

    public void setFirst(LocalDate first) {
        this.first = first;
    }

    public LocalDate getLast() {
        return last;
    }

    public void setLast(LocalDate last) {
        this.last = last;
    }
}
