package ppvchat.performers.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a performer earned on one day (UTC): tips and finished private shows, in credits, and their share in
 * the site's currency.
 */
public record PerformerDay(
        LocalDate day,
        long tips,
        long tipCredits,
        long shows,
        long showSeconds,
        long showCredits,
        BigDecimal earnings,
        String currency) {

    public long credits() {
        return tipCredits + showCredits;
    }
}
