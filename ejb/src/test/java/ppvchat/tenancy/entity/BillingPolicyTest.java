package ppvchat.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPolicyTest {

    @Test
    void keepsItsSettings() {
        BillingPolicy policy = new BillingPolicy(15, 120, 20, List.of(30, 90), CreditRounding.HALF_UP);

        assertEquals(15, policy.graceSeconds());
        assertEquals(120, policy.minBalanceToStart());
        assertEquals(20, policy.minBalanceToStay());
        assertEquals(CreditRounding.HALF_UP, policy.rounding());
    }

    @Test
    void warningThresholdsAreDeduplicatedAndLargestFirst() {
        BillingPolicy policy = new BillingPolicy(0, 0, 0, List.of(10, 60, 30, 60, 10, 5), CreditRounding.UP);

        assertEquals(List.of(60, 30, 10, 5), policy.warningSecondsLeft());
    }

    @Test
    void aSingleThresholdIsKept() {
        BillingPolicy policy = new BillingPolicy(0, 0, 0, List.of(45), CreditRounding.DOWN);

        assertEquals(List.of(45), policy.warningSecondsLeft());
    }

    @Test
    void standardPolicyChargesStartedCredits() {
        BillingPolicy standard = BillingPolicy.standard();

        assertEquals(10, standard.graceSeconds());
        assertEquals(60, standard.minBalanceToStart());
        assertEquals(0, standard.minBalanceToStay());
        assertEquals(List.of(60, 30, 10), standard.warningSecondsLeft());
        assertEquals(CreditRounding.UP, standard.rounding());
    }

    @Test
    void balanceToStartMayEqualButNotBeBelowBalanceToStay() {
        assertEquals(50, new BillingPolicy(0, 50, 50, List.of(10), CreditRounding.UP).minBalanceToStart());
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(0, 49, 50, List.of(10), CreditRounding.UP));
    }

    @Test
    void rejectsNegativeGraceAndBalances() {
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(-1, 60, 0, List.of(10), CreditRounding.UP));
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(0, 60, -1, List.of(10), CreditRounding.UP));
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(0, -1, -2, List.of(10), CreditRounding.UP));
    }

    @Test
    void rejectsMissingOrNonPositiveThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new BillingPolicy(0, 60, 0, List.of(), CreditRounding.UP));
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(0, 60, 0, List.of(30, 0), CreditRounding.UP));
        assertThrows(
                IllegalArgumentException.class, () -> new BillingPolicy(0, 60, 0, List.of(-10, 30), CreditRounding.UP));
    }

    @Test
    void requiresARoundingRule() {
        assertThrows(NullPointerException.class, () -> new BillingPolicy(0, 60, 0, List.of(10), null));
    }
}
