package ppvchat.payouts.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import ppvchat.platform.entity.DomainException;

/**
 * The days a payout run pays, from {@code start} up to but not including {@code end}, as calendar days of
 * the site's time zone. At most {@link #MAX_DAYS} days.
 */
public record PayoutPeriod(LocalDate start, LocalDate end) {

    public static final int MAX_DAYS = 366;

    public PayoutPeriod {
        if (start == null || end == null) {
            throw new DomainException("a payout period needs a first day and an end");
        }
        if (!start.isBefore(end)) {
            throw new DomainException("a payout period's first day " + start + " must come before its end " + end);
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new DomainException("a payout period covers at most " + MAX_DAYS + " days");
        }
    }

    /** The days from {@code first} through {@code last}, both included, as the console's date pickers give them. */
    public static PayoutPeriod through(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            throw new DomainException("a payout period needs a first and a last day");
        }
        if (last.isBefore(first)) {
            throw new DomainException("the first day " + first + " comes after the last day " + last);
        }
        return new PayoutPeriod(first, last.plusDays(1));
    }

    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    public Instant startIn(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant endIn(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant();
    }

    public boolean overlaps(PayoutPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return start + " to " + lastDay();
    }
}
