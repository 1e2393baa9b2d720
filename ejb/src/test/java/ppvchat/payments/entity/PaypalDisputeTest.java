package ppvchat.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.Role;
import ppvchat.tenancy.entity.Webmaster;

class PaypalDisputeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final PaypalDispute dispute = new PaypalDispute(capture(), "PP-D-1234", NOW);

    private static PaypalTransaction capture() {
        Webmaster site = TestEntities.webmaster(1);
        CreditItem item = TestEntities.withId(new CreditItem(site, 600, new BigDecimal("10.00"), "600"), 8L);
        PaypalOrder order = TestEntities.withId(
                PaypalOrder.forPackage(site, TestEntities.user(site, 20, Role.USER), item, "shop@example.com", NOW),
                3L);
        return TestEntities.withId(
                PaypalTransaction.capture(order, "1AB23456CD7890123", CaptureStatus.COMPLETED, NOW), 4L);
    }

    @Test
    void aLateRedeliveryOfAnOlderDescriptionChangesNothing() {
        Instant opened = NOW.plusSeconds(10);
        Instant resolved = NOW.plusSeconds(90);
        assertTrue(dispute.describe("UNAUTHORISED", "OPEN", null, new BigDecimal("10.00"), "USD", opened, NOW));
        assertTrue(dispute.describe(null, "RESOLVED", "RESOLVED_SELLER_FAVOUR", null, null, resolved, NOW));

        assertFalse(dispute.describe("UNAUTHORISED", "OPEN", null, null, null, opened, NOW), "older: ignored");
        assertEquals("RESOLVED", dispute.status());
        assertEquals("RESOLVED_SELLER_FAVOUR", dispute.outcome());
        assertEquals("UNAUTHORISED", dispute.reason(), "a description without a reason keeps the one known");
        assertTrue(
                dispute.describe(null, "RESOLVED", "RESOLVED_SELLER_FAVOUR", null, null, resolved, NOW),
                "the same second again is applied (PayPal's times are to the second)");
    }
}
