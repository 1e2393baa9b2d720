package ppvchat.reports.boundary;

import java.time.Instant;
import ppvchat.ledger.boundary.ReconciliationReport;

/**
 * The reconciliation check as the Reports page shows it: the figures, the balance they should add up to,
 * the balances there are, and the problems found (none when the books are clean).
 */
public record Books(ReconciliationReport figures, Instant checkedAt) {

    /** purchased − refunded − reversed + adjusted − spent: what the balances should add up to. */
    public long expectedBalances() {
        return figures.purchased() - figures.refunded() - figures.reversed() + figures.adjusted() - figures.spent();
    }

    public long difference() {
        return figures.balances() - expectedBalances();
    }

    public boolean clean() {
        return figures.clean();
    }
}
