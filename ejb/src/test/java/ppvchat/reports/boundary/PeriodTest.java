package ppvchat.reports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ppvchat.platform.entity.DomainException;

class PeriodTest {

    static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");

    @Test
    void daysThroughALastDayEndTheNextMorning() {
        Period march = Period.through(MARCH_1, LocalDate.parse("2026-03-31"), null);
        assertEquals(LocalDate.parse("2026-04-01"), march.to());
        assertEquals(31, march.days());
        assertEquals(31, march.eachDay().count());
        assertEquals(LocalDateTime.parse("2026-03-01T00:00"), march.startUtc());
        assertEquals(LocalDateTime.parse("2026-04-01T00:00"), march.endUtc());
    }

    @Test
    void aSiteZoneMovesTheBoundsInUtc() {
        Period day = new Period(MARCH_1, MARCH_1.plusDays(1), ZoneId.of("Europe/Berlin"));
        assertEquals(LocalDateTime.parse("2026-02-28T23:00"), day.startUtc());
    }

    @Test
    void periodsThatMakeNoSenseAreRefused() {
        assertThrows(DomainException.class, () -> new Period(MARCH_1, MARCH_1, null));
        assertThrows(DomainException.class, () -> new Period(MARCH_1, MARCH_1.minusDays(1), null));
        assertThrows(DomainException.class, () -> new Period(null, MARCH_1, null));
        assertThrows(DomainException.class, () -> Period.through(MARCH_1, MARCH_1.minusDays(1), null));
        assertThrows(DomainException.class, () -> new Period(MARCH_1, MARCH_1.plusDays(Period.MAX_DAYS + 1), null));
        assertEquals(Period.MAX_DAYS, new Period(MARCH_1, MARCH_1.plusDays(Period.MAX_DAYS), null).days());
        assertEquals(1, Period.through(MARCH_1, MARCH_1, null).days());
    }
}
