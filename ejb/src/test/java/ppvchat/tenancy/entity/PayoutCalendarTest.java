package ppvchat.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ppvchat.payouts.entity.PayoutPeriod;
import ppvchat.platform.entity.DomainException;

class PayoutCalendarTest {

    static final PayoutCalendar MONDAY_2AM = PayoutCalendar.weekly(DayOfWeek.MONDAY, LocalTime.of(2, 0));

    @Test
    void aWeeklyRunOnMondayAt2PaysTheSevenDaysBeforeThatMonday() {
        // Monday 2026-03-09 02:00 is the run; a minute earlier the run due is the week before's.
        assertEquals(
                week("2026-03-02"),
                MONDAY_2AM
                        .lastDuePeriod(LocalDateTime.parse("2026-03-09T02:00"))
                        .orElseThrow());
        assertEquals(
                week("2026-02-23"),
                MONDAY_2AM
                        .lastDuePeriod(LocalDateTime.parse("2026-03-09T01:59"))
                        .orElseThrow());
        assertEquals(
                week("2026-03-02"),
                MONDAY_2AM
                        .lastDuePeriod(LocalDateTime.parse("2026-03-15T23:59"))
                        .orElseThrow());
    }

    @Test
    void aMonthlyRunPaysTheCalendarMonthBefore() {
        PayoutCalendar fifth = PayoutCalendar.monthly(5, LocalTime.of(6, 30));
        assertEquals(
                new PayoutPeriod(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01")),
                fifth.lastDuePeriod(LocalDateTime.parse("2026-03-05T06:30")).orElseThrow());
        assertEquals(
                new PayoutPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01")),
                fifth.lastDuePeriod(LocalDateTime.parse("2026-03-05T06:29")).orElseThrow());
        assertEquals(
                new PayoutPeriod(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-01")),
                fifth.lastDuePeriod(LocalDateTime.parse("2026-01-10T00:00")).orElseThrow(),
                "across the new year");
    }

    @Test
    void offDueNothing() {
        assertEquals(Optional.empty(), PayoutCalendar.off().lastDuePeriod(LocalDateTime.parse("2026-03-09T02:00")));
        assertTrue(PayoutCalendar.off().isOff());
    }

    @Test
    void theFormsValuesAreCheckedAndExplained() {
        assertEquals(MONDAY_2AM, PayoutCalendar.of("WEEKLY", 1, "02:00"));
        assertEquals(PayoutCalendar.monthly(28, LocalTime.of(23, 0)), PayoutCalendar.of("MONTHLY", 28, "23:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of("WEEKLY", 0, "02:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of("WEEKLY", 8, "02:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of("MONTHLY", 29, "02:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of("DAILY", 1, "02:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of(null, 1, "02:00"));
        assertThrows(DomainException.class, () -> PayoutCalendar.of("WEEKLY", 1, "2 am"));
        assertEquals("weekly on Monday at 02:00, paying the 7 days before", MONDAY_2AM.describe());
    }

    private static PayoutPeriod week(String monday) {
        LocalDate start = LocalDate.parse(monday);
        return new PayoutPeriod(start, start.plusWeeks(1));
    }
}
