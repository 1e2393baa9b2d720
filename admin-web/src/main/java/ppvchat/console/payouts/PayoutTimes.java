package ppvchat.console.payouts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the payout pages show them: to the minute, in the time zone of the site's payout periods. */
final class PayoutTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PayoutTimes() {}

    /** "2026-03-02 14:05", or nothing for a moment that has not come (not approved yet, say). */
    static String at(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }
}
