package ppvchat.external.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of {@code /shows}: a finished private show, which the webmaster's server keeps as a {@code ppv_tips}
 * row with action {@code liveshow}. Money goes as strings with exact decimals.
 */
public record ShowReport(
        String key,
        long showId,
        String userId,
        long performerId,
        String performerName,
        Instant startedAt,
        Instant endedAt,
        long seconds,
        long credits,
        String price,
        String performerBenefit,
        String endReason) {

    public static ShowReport of(
            long showId,
            String userId,
            long performerId,
            String performerName,
            Instant startedAt,
            Instant endedAt,
            long seconds,
            long credits,
            BigDecimal price,
            BigDecimal performerBenefit,
            String endReason) {
        return new ShowReport(
                "show:" + showId,
                showId,
                userId,
                performerId,
                performerName,
                startedAt,
                endedAt,
                seconds,
                credits,
                price.toPlainString(),
                performerBenefit.toPlainString(),
                endReason);
    }
}
