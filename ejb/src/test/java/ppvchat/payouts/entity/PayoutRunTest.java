package ppvchat.payouts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.platform.entity.DomainException;

class PayoutRunTest {

    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    static final PayoutPeriod WEEK = new PayoutPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"));

    @Test
    void aResumedRunKeepsItsFirstCountAndAddsUpItsChunks() {
        PayoutRun run = new PayoutRun(1, WEEK, ZoneId.of("Europe/Berlin"), "carol", NOW);
        assertTrue(run.isActive());
        run.begin("node-a", NOW);
        run.expect(100);
        run.progress(25, 24, 2_000, 1, NOW);
        run.begin("node-b", NOW.plusSeconds(60));
        run.expect(75 + 25);
        assertEquals(100, run.performersTotal());
        run.progress(75, 70, 6_000, 0, NOW.plusSeconds(70));
        run.complete(NOW.plusSeconds(80));

        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(2, run.attempts());
        assertEquals("node-b", run.node());
        assertEquals(
                List.of(100, 100, 94, 8_000L, 1),
                List.of(
                        run.performersDone(),
                        run.performersTotal(),
                        run.statementsMade(),
                        run.earningsPaid(),
                        run.earningsSkipped()));
        assertEquals(NOW, run.startedAt(), "started by the first attempt");
        assertFalse(run.isActive());
        assertThrows(DomainException.class, () -> run.begin("node-c", NOW), "a completed period is closed");
    }

    @Test
    void thePeriodEndsAtMidnightOfTheSitesZone() {
        PayoutRun run = new PayoutRun(1, WEEK, ZoneId.of("Europe/Berlin"), "schedule", NOW);
        assertEquals(Instant.parse("2026-03-08T23:00:00Z"), run.endsAt());
        assertEquals("2026-03-02 to 2026-03-08", run.period().toString());
    }

    @Test
    void aFailureIsKeptShortAndCleared() {
        PayoutRun run = new PayoutRun(1, WEEK, ZoneId.of("UTC"), "carol", NOW);
        run.begin("node-a", NOW);
        run.fail("x".repeat(600), NOW);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(500, run.failure().length());
        run.begin("node-a", NOW);
        assertEquals(null, run.failure());
        assertThrows(DomainException.class, () -> new PayoutRun(1, WEEK, ZoneId.of("UTC"), " ", NOW));
    }

    @Test
    void periodsAreCheckedAndCompared() {
        assertThrows(DomainException.class, () -> PayoutPeriod.through(WEEK.end(), WEEK.start()));
        assertThrows(DomainException.class, () -> new PayoutPeriod(WEEK.start(), WEEK.start()));
        assertThrows(
                DomainException.class,
                () -> new PayoutPeriod(WEEK.start(), WEEK.start().plusDays(367)));
        assertEquals(WEEK, PayoutPeriod.through(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08")));
        assertTrue(WEEK.overlaps(new PayoutPeriod(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-10"))));
        assertFalse(WEEK.overlaps(new PayoutPeriod(WEEK.end(), WEEK.end().plusDays(7))), "end is exclusive");
    }
}
