package ppvchat.external.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExternalMoveTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aDebitIsPendingAndDueForUndoOnlyAMinuteAfterItWasWritten() {
        ExternalMove debit = ExternalMove.debit(7, 42, "1001", "show:5:block:1", 60, 5L, NOW);
        assertEquals(MoveStatus.PENDING, debit.status());
        assertEquals(MoveKind.DEBIT, debit.kind());
        assertEquals(NOW, debit.createdAt());
        assertEquals(NOW.plusSeconds(60), debit.nextAttemptAt(), "abandoned a minute later, unless booked");
        debit.confirm(NOW.plusSeconds(1));
        assertEquals(MoveStatus.CONFIRMED, debit.status());
        assertEquals(NOW.plusSeconds(1), debit.confirmedAt());
    }

    @Test
    void failedDeliveriesWaitTwiceAsLongEachTimeUpToTenMinutes() {
        ExternalMove refund = ExternalMove.refund(7, 42, "1001", "refund:a", "a", 10, 5L, NOW);
        Instant at = NOW;
        long[] expected = {2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600};
        for (long seconds : expected) {
            refund.failed("connection refused", at, Duration.ofSeconds(2));
            assertEquals(at.plusSeconds(seconds), refund.nextAttemptAt());
            assertEquals(MoveStatus.PENDING, refund.status());
            assertEquals("connection refused", refund.lastError());
        }
        assertEquals(expected.length, refund.attempts());
    }

    @Test
    void aRefusalIsFinalAndKeepsItsReasonShort() {
        ExternalMove report = ExternalMove.report(7, 42, "1001", "show:5", MoveKind.SHOW_REPORT, 12, 5L, "{}", NOW);
        report.refuse("x".repeat(600), NOW);
        assertEquals(MoveStatus.REFUSED, report.status());
        assertEquals(500, report.lastError().length());
    }

    @Test
    void movesAreNeverNegativeAndOnlyReportsCarryABody() {
        assertThrows(IllegalArgumentException.class, () -> ExternalMove.debit(7, 42, "1001", "k", -1, null, NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> ExternalMove.report(7, 42, "1001", "k", MoveKind.DEBIT, 1, null, "{}", NOW));
        assertThrows(NullPointerException.class, () -> ExternalMove.refund(7, 42, "1001", "k", null, 1, null, NOW));
    }
}
