package ppvchat.reports.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Tips and private shows of a site in a period, per performer with the totals, and per day for the chart.
 * A show counts on the day it ended; a tip on the day it was given.
 */
public record EarningsReport(
        String site, String currency, Period period, Long performerId, List<EarningsLine> lines, List<Day> days) {

    /** One day of the period; days without tips or shows are there with zeros. */
    public record Day(LocalDate day, long tipCredits, long showCredits, BigDecimal gross) {}

    public EarningsLine totals() {
        return EarningsLine.total(lines);
    }

    public boolean hasLines() {
        return !lines.isEmpty();
    }
}
