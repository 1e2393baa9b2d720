package ppvchat.reports.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One user's money story: what they bought and paid, what they spent on tips and shows, and one page of
 * their ledger, newest first, each entry with the balance after it (the running balance) and what it was
 * about: the performer tipped or watched, the show's seconds, the PayPal capture, or who adjusted and why.
 */
public record UserHistory(
        long userId,
        String username,
        String currency,
        long balance,
        long held,
        long purchases,
        long purchasedCredits,
        BigDecimal paid,
        long tips,
        long tipCredits,
        long shows,
        long showCredits,
        long entryCount,
        List<Entry> entries) {

    public record Entry(
            long id,
            Instant at,
            String kind,
            long credits,
            long balanceAfter,
            String performer,
            Long showSeconds,
            String capture,
            BigDecimal money,
            String actor,
            String reason) {}
}
