package ppvchat.metering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;

class CreditMeterTest {

    static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    static BillingPolicy policy(int grace, long minStay, CreditRounding rounding) {
        return new BillingPolicy(grace, Math.max(minStay, 1), minStay, List.of(60, 30, 10), rounding);
    }

    static CreditMeter meter(int rate, BillingPolicy policy, long held, long spare) {
        return new CreditMeter(1, 2, rate, policy, 15, START, held, spare, 0);
    }

    static Instant at(double seconds) {
        return START.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void theGracePeriodIsFreeAndBillingStartsAfterIt() {
        CreditMeter meter = meter(60, policy(10, 0, CreditRounding.UP), 100, 0);

        assertEquals(0, meter.readAt(at(5)).billedSeconds());
        assertEquals(0, meter.readAt(at(10)).billedSeconds());
        MeterReading reading = meter.readAt(at(15.9));
        assertEquals(5, reading.billedSeconds(), "partial seconds are not billed until complete");
        assertEquals(5, reading.creditsOwed());
    }

    @Test
    void creditsOwedFollowTheRoundingRuleOnTheTotal() {
        // 30 credits per minute = half a credit per second.
        CreditMeter up = meter(30, policy(0, 0, CreditRounding.UP), 100, 0);
        CreditMeter down = meter(30, policy(0, 0, CreditRounding.DOWN), 100, 0);
        assertEquals(1, up.readAt(at(1)).creditsOwed());
        assertEquals(0, down.readAt(at(1)).creditsOwed());
        assertEquals(2, up.readAt(at(3)).creditsOwed(), "1.5 credits rounded up");
        assertEquals(1, down.readAt(at(3)).creditsOwed());
        assertEquals(30, up.readAt(at(60)).creditsOwed(), "exactly the rate after a minute");
        assertEquals(30, down.readAt(at(60)).creditsOwed());
    }

    @Test
    void warnsOnceAtEachThresholdOfTimeLeft() {
        // 60 credits per minute, 120 credits in all: two minutes.
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 120, 0);
        List<String> warnings = new ArrayList<>();
        for (int second = 0; second <= 125; second++) {
            MeterReading reading = meter.readAt(at(second));
            if (reading.warnSecondsLeft() != null) {
                warnings.add(second + "s:" + reading.warnSecondsLeft());
            }
        }
        assertEquals(List.of("60s:60", "90s:30", "110s:10"), warnings);
    }

    @Test
    void aLateTickThatCrossesSeveralThresholdsWarnsOnceWithTheLowest() {
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 120, 0);
        assertNull(meter.readAt(at(1)).warnSecondsLeft());
        assertEquals(30, meter.readAt(at(95)).warnSecondsLeft());
        assertNull(meter.readAt(at(96)).warnSecondsLeft(), "the 60 s warning is not sent after the 30 s one");
        assertEquals(10, meter.readAt(at(112)).warnSecondsLeft());
    }

    @Test
    void warningsCountSpareCreditsOutsideTheHold() {
        // The hold is a 30 s block, but the user has 90 more credits: 2 minutes in all.
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 30, 90);
        MeterReading start = meter.readAt(at(0));
        assertEquals(120, start.secondsLeft());
        assertNull(start.warnSecondsLeft(), "no warning while the balance lasts two minutes");
    }

    @Test
    void exhaustionIsDetectedWithinOneTickAndNothingIsBilledBeyondTheHold() {
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 10, 0);
        assertFalse(meter.readAt(at(9)).exhausted());
        MeterReading out = meter.readAt(at(10));
        assertTrue(out.exhausted());
        assertEquals(10, out.billedSeconds());
        assertEquals(10, out.creditsOwed());
        assertEquals(0, out.secondsLeft());

        MeterReading late = meter.readAt(at(13.5));
        assertTrue(late.exhausted());
        assertEquals(10, late.billedSeconds(), "a late tick never bills past the hold");
        assertEquals(10, late.creditsOwed());
    }

    @Test
    void asksForMoreHoldOnlyWhenTheUserHasSpareCredits() {
        CreditMeter broke = meter(60, policy(0, 0, CreditRounding.UP), 30, 0);
        assertFalse(broke.readAt(at(20)).wantsMoreHold());

        CreditMeter funded = meter(60, policy(0, 0, CreditRounding.UP), 30, 500);
        assertFalse(funded.readAt(at(14)).wantsMoreHold(), "16 s of hold left is above the 15 s threshold");
        assertTrue(funded.readAt(at(15)).wantsMoreHold());
    }

    @Test
    void aTopUpDuringTheShowKeepsItGoingAndRearmsWarnings() {
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 40, 0);
        assertEquals(30, meter.readAt(at(10)).warnSecondsLeft());
        assertEquals(10, meter.readAt(at(30)).warnSecondsLeft());

        meter.spare(200); // the user bought credits while watching
        MeterReading afterTopUp = meter.readAt(at(31));
        assertTrue(afterTopUp.wantsMoreHold());
        assertFalse(afterTopUp.exhausted());
        meter.holdMore(120, 80);

        assertFalse(meter.readAt(at(40)).exhausted(), "the show runs past the old hold");
        assertEquals(160, meter.heldCredits());
        List<Integer> warnings = new ArrayList<>();
        for (int second = 41; second <= 240; second++) {
            MeterReading reading = meter.readAt(at(second));
            if (reading.warnSecondsLeft() != null) {
                warnings.add(reading.warnSecondsLeft());
            }
            if (reading.wantsMoreHold()) {
                meter.holdMore(meter.spareCredits(), 0);
            }
        }
        assertEquals(List.of(60, 30, 10), warnings, "warnings come again before the new funds run out");
        assertEquals(240, meter.billedSeconds());
        assertTrue(meter.readAt(at(240)).exhausted());
    }

    @Test
    void theMinimumBalanceToStayIsNeverBilled() {
        CreditMeter meter = meter(60, policy(0, 10, CreditRounding.UP), 100, 0);
        assertFalse(meter.readAt(at(89)).exhausted());
        MeterReading out = meter.readAt(at(90));
        assertTrue(out.exhausted());
        assertEquals(90, out.creditsOwed(), "10 credits stay with the user");
    }

    @Test
    void billedSecondsNeverGoBackWhenTheClockDoes() {
        CreditMeter meter = meter(60, policy(0, 0, CreditRounding.UP), 100, 0);
        assertEquals(40, meter.readAt(at(40)).billedSeconds());
        assertEquals(40, meter.readAt(at(20)).billedSeconds());
    }

    @Test
    void aRestoredMeterContinuesFromItsCheckpoint() {
        CreditMeter restored = new CreditMeter(1, 2, 60, policy(0, 0, CreditRounding.UP), 15, START, 100, 0, 50);
        assertEquals(50, restored.readAt(at(30)).billedSeconds(), "never less than what was already billed");
        assertEquals(70, restored.readAt(at(70)).billedSeconds());
    }

    @Test
    void eachMeterKnowsTheInstantItsHeldCreditsRunOut() {
        CreditMeter meter = meter(60, policy(10, 0, CreditRounding.UP), 100, 0);
        assertEquals(at(110), meter.exhaustsAt(), "grace, then one credit a second");
        assertFalse(meter.readAt(at(109.999)).exhausted(), "a millisecond before, the show runs");
        assertTrue(meter.readAt(at(110)).exhausted(), "at that instant it must end");
        assertEquals(100, meter.readAt(at(110)).creditsOwed());
    }

    @Test
    void theRunOutInstantKeepsTheMinimumBalanceAndFollowsTheRoundingAndTheHold() {
        CreditMeter staying = meter(60, policy(0, 20, CreditRounding.UP), 100, 0);
        assertEquals(at(80), staying.exhaustsAt(), "the minimum balance to stay is never spent");

        CreditMeter odd = meter(90, policy(5, 0, CreditRounding.UP), 100, 50);
        assertEquals(at(5 + 66), odd.exhaustsAt(), "66 s at 1.5 credits/s cost 99 credits, 67 s would cost 101");
        assertEquals(100, odd.creditsFor(odd.coveredSeconds()) + 1, "rounding up, 66 s cost 99");
        odd.holdMore(50, 0);
        assertEquals(at(5 + 100), odd.exhaustsAt(), "a bigger hold runs out later");
        for (int second = 0; second <= 105; second++) {
            assertTrue(odd.readAt(at(second)).creditsOwed() <= 150, "never beyond the hold at " + second);
        }
    }
}
