package ppvchat.console.payouts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import ppvchat.payouts.boundary.PayoutStatements.Statement;

/**
 * What a run's statements add up to, as the run's CSV adds them up in its totals row, and how many of them
 * are open, approved and paid.
 */
public record RunTotals(
        int statements,
        long tips,
        long tipCredits,
        long shows,
        long showSeconds,
        long showCredits,
        BigDecimal gross,
        BigDecimal performerBenefit,
        BigDecimal siteShare,
        String currency,
        int open,
        int approved,
        int paid)
        implements Serializable {

    static RunTotals of(List<Statement> statements) {
        BigDecimal zero = new BigDecimal("0.00");
        return new RunTotals(
                statements.size(),
                statements.stream().mapToLong(Statement::tips).sum(),
                statements.stream().mapToLong(Statement::tipCredits).sum(),
                statements.stream().mapToLong(Statement::shows).sum(),
                statements.stream().mapToLong(Statement::showSeconds).sum(),
                statements.stream().mapToLong(Statement::showCredits).sum(),
                statements.stream().map(Statement::gross).reduce(zero, BigDecimal::add),
                statements.stream().map(Statement::performerBenefit).reduce(zero, BigDecimal::add),
                statements.stream().map(Statement::siteShare).reduce(zero, BigDecimal::add),
                statements.isEmpty() ? "" : statements.get(0).currency(),
                (int) statements.stream().filter(Statement::open).count(),
                (int) statements.stream().filter(Statement::approved).count(),
                (int) statements.stream().filter(s -> "PAID".equals(s.status())).count());
    }

    public long credits() {
        return tipCredits + showCredits;
    }
}
