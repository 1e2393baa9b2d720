package ppvchat.payouts.entity;

import java.math.BigDecimal;
import java.util.Objects;

/** What a performer earned in a period, as the database aggregated it. */
public record StatementTotals(
        int tipsCount,
        long tipsCredits,
        int showsCount,
        long showsSeconds,
        long showsCredits,
        BigDecimal gross,
        BigDecimal performerBenefit) {

    public static final StatementTotals NONE =
            new StatementTotals(0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public StatementTotals {
        if (tipsCount < 0 || tipsCredits < 0 || showsCount < 0 || showsSeconds < 0 || showsCredits < 0) {
            throw new IllegalArgumentException("counts and credits are never negative");
        }
        Objects.requireNonNull(gross);
        Objects.requireNonNull(performerBenefit);
        if (gross.signum() < 0 || performerBenefit.signum() < 0 || performerBenefit.compareTo(gross) > 0) {
            throw new IllegalArgumentException("0 <= performer benefit <= gross");
        }
    }

    public long credits() {
        return tipsCredits + showsCredits;
    }

    public int earnings() {
        return tipsCount + showsCount;
    }
}
