package ppvchat.external.entity;

import java.math.BigDecimal;
import java.time.Instant;

/** The body of {@code /tips}: a tip, which the webmaster's server keeps as a {@code ppv_tips} row with action tips. */
public record TipReport(
        String key,
        long tipId,
        String userId,
        long performerId,
        String performerName,
        long credits,
        String price,
        String performerBenefit,
        Instant at) {

    public static TipReport of(
            long tipId,
            String userId,
            long performerId,
            String performerName,
            long credits,
            BigDecimal price,
            BigDecimal performerBenefit,
            Instant at) {
        return new TipReport(
                "tip:" + tipId,
                tipId,
                userId,
                performerId,
                performerName,
                credits,
                price.toPlainString(),
                performerBenefit.toPlainString(),
                at);
    }
}
