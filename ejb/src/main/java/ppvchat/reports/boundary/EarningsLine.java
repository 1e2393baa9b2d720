package ppvchat.reports.boundary;

import java.math.BigDecimal;
import java.util.List;
import ppvchat.tenancy.entity.Webmaster;

/**
 * What one performer earned in a period (or, with no performer, the total of a report): tips and private
 * shows, their credits, the money they are worth and the performer's part of it. Money is in the site's
 * currency with two decimals, each tip or show priced when it happened.
 */
public record EarningsLine(
        Long performerId,
        String performer,
        long tips,
        long tipCredits,
        long shows,
        long showSeconds,
        long showCredits,
        BigDecimal gross,
        BigDecimal performerBenefit) {

    public static final String TOTAL = "Total";

    public long credits() {
        return tipCredits + showCredits;
    }

    /** What the site keeps: the gross less the performer's benefit. */
    public BigDecimal siteShare() {
        return gross.subtract(performerBenefit);
    }

    /** The totals row: every figure added up, exactly. */
    public static EarningsLine total(List<EarningsLine> lines) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Webmaster.MONEY_SCALE);
        EarningsLine sum = new EarningsLine(null, TOTAL, 0, 0, 0, 0, 0, zero, zero);
        for (EarningsLine line : lines) {
            sum = new EarningsLine(
                    null,
                    TOTAL,
                    sum.tips + line.tips,
                    sum.tipCredits + line.tipCredits,
                    sum.shows + line.shows,
                    sum.showSeconds + line.showSeconds,
                    sum.showCredits + line.showCredits,
                    sum.gross.add(line.gross),
                    sum.performerBenefit.add(line.performerBenefit));
        }
        return sum;
    }
}
