package ppvchat.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ppvchat.tenancy.entity.CreditRounding.DOWN;
import static ppvchat.tenancy.entity.CreditRounding.HALF_UP;
import static ppvchat.tenancy.entity.CreditRounding.UP;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditRoundingTest {

    @Test
    void halfACreditIsRoundedPerRule() {
        // 30 credits per minute for one second is exactly half a credit.
        assertEquals(1, UP.creditsFor(1, 30));
        assertEquals(0, DOWN.creditsFor(1, 30));
        assertEquals(1, HALF_UP.creditsFor(1, 30));
    }

    @Test
    void justBelowHalfACreditIsOnlyChargedByUp() {
        // 29 credits per minute for one second is 29/60 of a credit.
        assertEquals(1, UP.creditsFor(1, 29));
        assertEquals(0, DOWN.creditsFor(1, 29));
        assertEquals(0, HALF_UP.creditsFor(1, 29));
    }

    @Test
    void justAboveHalfACreditIsChargedByUpAndHalfUp() {
        // 31 credits per minute for one second is 31/60 of a credit.
        assertEquals(1, UP.creditsFor(1, 31));
        assertEquals(0, DOWN.creditsFor(1, 31));
        assertEquals(1, HALF_UP.creditsFor(1, 31));
    }

    @Test
    void oneCreditPerSecondIsExactForEveryRule() {
        for (CreditRounding rounding : CreditRounding.values()) {
            assertEquals(61, rounding.creditsFor(61, 60), rounding.name());
            assertEquals(3600, rounding.creditsFor(3600, 60), rounding.name());
        }
    }

    @Test
    void roundsTheTotalNotEverySecond() {
        // 10 credits per minute for 7 s = 70/60 = 1 1/6 credits; per-second rounding up would give 7.
        assertEquals(2, UP.creditsFor(7, 10));
        assertEquals(1, DOWN.creditsFor(7, 10));
        assertEquals(1, HALF_UP.creditsFor(7, 10));
        // 10 credits per minute for 9 s = 1.5 credits.
        assertEquals(2, HALF_UP.creditsFor(9, 10));
    }

    @Test
    void zeroSecondsCostNothing() {
        for (CreditRounding rounding : CreditRounding.values()) {
            assertEquals(0, rounding.creditsFor(0, 1000), rounding.name());
        }
    }

    @Test
    void largeValuesDoNotOverflow() {
        long seconds = 1_000_000_000L;
        // 10^9 s × 1000 credits/min = 10^12 / 60 = 16 666 666 666 2/3 credits.
        assertEquals(16_666_666_667L, UP.creditsFor(seconds, 1000));
        assertEquals(16_666_666_666L, DOWN.creditsFor(seconds, 1000));
        assertEquals(16_666_666_667L, HALF_UP.creditsFor(seconds, 1000));
        // seconds × rate exceeds a long here, yet the result fits.
        assertEquals(Long.MAX_VALUE / 60 * 60, DOWN.creditsFor(Long.MAX_VALUE / 60 * 60, 60));
        assertEquals(Long.MAX_VALUE / 60 + 1, UP.creditsFor(Long.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE / 60, DOWN.creditsFor(Long.MAX_VALUE, 1));
    }

    @Test
    void refusesResultsBeyondALongInsteadOfWrapping() {
        assertThrows(ArithmeticException.class, () -> UP.creditsFor(Long.MAX_VALUE, 120));
    }

    @Test
    void rejectsNegativeSecondsAndNonPositiveRates() {
        for (CreditRounding rounding : CreditRounding.values()) {
            assertThrows(IllegalArgumentException.class, () -> rounding.creditsFor(-1, 60));
            assertThrows(IllegalArgumentException.class, () -> rounding.creditsFor(10, 0));
            assertThrows(IllegalArgumentException.class, () -> rounding.creditsFor(10, -5));
        }
    }

    @Test
    void propertiesHoldForRandomSecondsAndRates() {
        Random random = new Random(20260101L);
        for (int i = 0; i < 2_000; i++) {
            int rate = 1 + random.nextInt(1000);
            long seconds = random.nextInt(100_000);
            long up = UP.creditsFor(seconds, rate);
            long halfUp = HALF_UP.creditsFor(seconds, rate);
            long down = DOWN.creditsFor(seconds, rate);
            String at = seconds + " s at " + rate + "/min";

            assertTrue(up >= halfUp && halfUp >= down, at);
            assertTrue(up - down <= 1, at);
            assertEquals(seconds * rate / 60, down, at);
            assertEquals((seconds * rate + 59) / 60, up, at);
            assertEquals((seconds * rate + 30) / 60, halfUp, at);

            for (CreditRounding rounding : CreditRounding.values()) {
                assertTrue(rounding.creditsFor(seconds + 1, rate) >= rounding.creditsFor(seconds, rate), at);
            }
        }
    }

    @Test
    void isMonotonicSecondBySecond() {
        for (int rate : new int[] {1, 7, 29, 30, 31, 59, 60, 61, 999, 1000}) {
            for (CreditRounding rounding : CreditRounding.values()) {
                long previous = 0;
                for (long seconds = 0; seconds <= 600; seconds++) {
                    long credits = rounding.creditsFor(seconds, rate);
                    assertTrue(credits >= previous, rounding + " " + seconds + " s at " + rate);
                    assertTrue(credits - previous <= (rate + 59) / 60, rounding + " jumps at " + seconds + " s");
                    previous = credits;
                }
            }
        }
    }

    @Test
    void secondsCoveredByIsTheExactInverseOfCreditsFor() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int rate = 1 + random.nextInt(600);
            long credits = random.nextInt(5_000);
            for (CreditRounding rounding : CreditRounding.values()) {
                long seconds = rounding.secondsCoveredBy(credits, rate);
                assertTrue(rounding.creditsFor(seconds, rate) <= credits, rounding + " covers too much");
                assertTrue(rounding.creditsFor(seconds + 1, rate) > credits, rounding + " covers too little");
            }
        }
    }

    @Test
    void secondsCoveredByKnownValues() {
        // 60 credits per minute: one credit per second under every rule.
        assertEquals(100, UP.secondsCoveredBy(100, 60));
        // 90 credits per minute = 1.5 per second: 10 credits cover 6 s (9 credits) up, 6 s half-up, 7 s down.
        assertEquals(6, UP.secondsCoveredBy(10, 90));
        assertEquals(7, DOWN.secondsCoveredBy(10, 90));
        assertEquals(6, HALF_UP.secondsCoveredBy(10, 90));
        // Nothing held: not even one second when rounding up, a free fraction when rounding down.
        assertEquals(0, UP.secondsCoveredBy(0, 30));
        assertEquals(1, DOWN.secondsCoveredBy(0, 30));
        assertThrows(IllegalArgumentException.class, () -> UP.secondsCoveredBy(-1, 30));
    }
}
