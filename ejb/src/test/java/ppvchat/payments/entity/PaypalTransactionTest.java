package ppvchat.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.Role;
import ppvchat.tenancy.entity.Webmaster;

class PaypalTransactionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Webmaster site = TestEntities.webmaster(1);
    private final CreditItem item = TestEntities.withId(new CreditItem(site, 600, new BigDecimal("10.00"), "600"), 8L);
    private final PaypalOrder order = TestEntities.withId(
            PaypalOrder.forPackage(site, TestEntities.user(site, 20, Role.USER), item, "shop@example.com", NOW), 3L);

    private PaypalTransaction capture(String txnId, CaptureStatus status) {
        return PaypalTransaction.capture(order, txnId, status, NOW);
    }

    @Test
    void recordsTheCaptureWithTheOrdersCreditsAndPrice() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.COMPLETED);

        assertEquals("1AB23456CD7890123", txn.txnId());
        assertEquals(20, txn.userId());
        assertEquals(600, txn.credits());
        assertEquals(new BigDecimal("10.00"), txn.gross());
        assertEquals(3L, txn.orderId());
        assertEquals(CaptureStatus.COMPLETED, txn.status());
    }

    @Test
    void acceptsSeventeenToNineteenUppercaseLettersAndDigits() {
        for (int length = 17; length <= 19; length++) {
            String id = "A".repeat(length - 1) + "9";
            assertEquals(id, capture(id, CaptureStatus.COMPLETED).txnId());
        }
    }

    @Test
    void rejectsMalformedIds() {
        List<String> bad = Arrays.asList(
                null,
                "",
                "A".repeat(16),
                "A".repeat(20),
                "1ab23456cd7890123",
                "1AB23456CD789012-",
                " 1AB23456CD7890123");
        for (String id : bad) {
            assertThrows(
                    IllegalArgumentException.class, () -> capture(id, CaptureStatus.COMPLETED), String.valueOf(id));
        }
    }

    @Test
    void aFullRefundCallsBackEveryCredit() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.COMPLETED);

        assertEquals(600, txn.moneyReturned(new BigDecimal("10.00"), false));
        assertEquals(CaptureStatus.REFUNDED, txn.status());
        assertEquals(600, txn.creditsBack());
    }

    @Test
    void partialRefundsCallBackTheirShareRoundedUpAndNeverMoreThanAllInTheEnd() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.COMPLETED);

        assertEquals(199, txn.moneyReturned(new BigDecimal("3.31"), false)); // 198.6 rounds up
        assertEquals(CaptureStatus.PARTIALLY_REFUNDED, txn.status());
        assertEquals(200, txn.moneyReturned(new BigDecimal("3.33"), false)); // 398.4 -> 399 in all
        assertEquals(201, txn.moneyReturned(new BigDecimal("3.36"), false)); // all 600
        assertEquals(CaptureStatus.REFUNDED, txn.status());
        assertEquals(600, txn.creditsBack());
        assertEquals(0, txn.moneyReturned(new BigDecimal("1.00"), false), "nothing more than everything");
    }

    @Test
    void aReturnOfACaptureNeverCreditedCallsNothingBack() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.PENDING);

        assertEquals(0, txn.moneyReturned(new BigDecimal("10.00"), false));
        assertEquals(CaptureStatus.PENDING, txn.status());
    }

    @Test
    void aCancelledReversalRestoresTheCapture() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.COMPLETED);
        assertEquals(600, txn.moneyReturned(new BigDecimal("10.00"), true));
        assertEquals(CaptureStatus.REVERSED, txn.status());

        txn.reversalCancelled(new BigDecimal("10.00"), 600);

        assertEquals(CaptureStatus.COMPLETED, txn.status());
        assertEquals(0, txn.creditsBack());
        assertEquals(0, txn.refunded().signum());
    }

    @Test
    void aPendingCaptureCompletesOrIsDeclinedOnlyOnce() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.PENDING);
        txn.complete();
        assertEquals(CaptureStatus.COMPLETED, txn.status());
        txn.decline();
        assertEquals(CaptureStatus.COMPLETED, txn.status(), "a completed capture is not declined later");
    }

    @Test
    void anOrdersAmountIsWrittenInItsCurrencysDecimals() {
        assertEquals("10.00", order.paypalAmount());
        Webmaster yen = new Webmaster("Yen", "JPY", new BigDecimal("1"), "0123456789abcdef0123456789abcdef", NOW);
        TestEntities.withId(yen, 2L);
        CreditItem whole = TestEntities.withId(new CreditItem(yen, 600, new BigDecimal("1000"), "600"), 9L);
        CreditItem cents = TestEntities.withId(new CreditItem(yen, 600, new BigDecimal("999.50"), "600"), 10L);
        var buyer = TestEntities.user(yen, 21, Role.USER);

        assertEquals(
                "1000",
                PaypalOrder.forPackage(yen, buyer, whole, "shop@example.com", NOW)
                        .paypalAmount());
        assertThrows(
                IllegalArgumentException.class,
                () -> PaypalOrder.forPackage(yen, buyer, cents, "shop@example.com", NOW),
                "yen have no decimals");
    }

    @Test
    void theTrailKeepsItsNewestLinesWithinTheColumn() {
        PaypalTransaction txn = capture("1AB23456CD7890123", CaptureStatus.COMPLETED);
        for (int i = 0; i < 1_000; i++) {
            txn.note(NOW, "line " + i + " " + "x".repeat(100));
        }
        assertTrue(txn.log().length() <= 60_000);
        assertTrue(txn.log().contains("line 999 "));
        assertTrue(!txn.log().contains("line 0 "));
    }
}
