package ppvchat.reports.boundary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import ppvchat.platform.entity.DomainException;

/**
 * The days a report covers, from {@code from} up to but not including {@code to}, as calendar days of the
 * site's time zone. At most {@link #MAX_DAYS} days, so that one report stays one quick query.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public static final int MAX_DAYS = 366;

    public Period {
        if (from == null || to == null) {
            throw new DomainException("a report needs a first and a last day");
        }
        if (!from.isBefore(to)) {
            throw new DomainException("a report's first day " + from + " must come before its end " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new DomainException("a report covers at most " + MAX_DAYS + " days");
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** The days from {@code first} through {@code last}, both included, as the console's date pickers give them. */
    public static Period through(LocalDate first, LocalDate last, ZoneId zone) {
        if (first == null || last == null) {
            throw new DomainException("a report needs a first and a last day");
        }
        if (last.isBefore(first)) {
            throw new DomainException("the first day " + first + " comes after the last day " + last);
        }
        return new Period(first, last.plusDays(1), zone);
    }

    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    public Stream<LocalDate> eachDay() {
        return from.datesUntil(to);
    }

    /** The period's start as the database stores times: UTC. */
    public LocalDateTime startUtc() {
        return utc(from);
    }

    public LocalDateTime endUtc() {
        return utc(to);
    }

    private LocalDateTime utc(LocalDate day) {
        return day.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
