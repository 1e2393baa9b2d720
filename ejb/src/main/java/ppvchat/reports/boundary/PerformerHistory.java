package ppvchat.reports.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One performer's earnings: all-time figures and one page of tips and finished shows, newest first, each
 * with the user, the credits, the money, the performer's part and the payout statement it was paid in.
 */
public record PerformerHistory(
        long performerId,
        String performer,
        String currency,
        EarningsLine allTime,
        long entryCount,
        List<Entry> entries) {

    public record Entry(
            long id,
            Instant at,
            String kind,
            long userId,
            String username,
            long credits,
            Long showSeconds,
            String endReason,
            BigDecimal price,
            BigDecimal performerBenefit,
            Long statementId) {}
}
