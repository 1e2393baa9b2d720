package ppvchat.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;

class PaypalTransactionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final CreditItem item =
            TestEntities.withId(new CreditItem(TestEntities.webmaster(1), 600, new BigDecimal("10.00"), "600"), 8L);

    private PaypalTransaction transaction(String txnId) {
        return new PaypalTransaction(
                1, txnId, 20, item, new BigDecimal("10.00"), "EUR", "shop@example.com", "Completed", "raw=ipn", NOW);
    }

    @Test
    void recordsTheTransactionAndTheCreditsOfItsItem() {
        PaypalTransaction txn = transaction("1AB23456CD7890123");

        assertEquals("1AB23456CD7890123", txn.txnId());
        assertEquals(20, txn.userId());
        assertEquals(600, txn.credits());
        assertEquals(new BigDecimal("10.00"), txn.gross());
        assertEquals("EUR", txn.currency());
        assertEquals("raw=ipn", txn.log());
    }

    @Test
    void acceptsSeventeenToNineteenUppercaseLettersAndDigits() {
        for (int length = 17; length <= 19; length++) {
            String id = "A".repeat(length - 1) + "9";
            assertEquals(id, transaction(id).txnId());
        }
        assertEquals("0123456789ABCDEFG", transaction("0123456789ABCDEFG").txnId());
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
                "1AB23456CD789012 ",
                " 1AB23456CD7890123",
                "1AB23456CD78901\u00C43");
        for (String id : bad) {
            assertThrows(IllegalArgumentException.class, () -> transaction(id), String.valueOf(id));
        }
    }

    @Test
    void requiresTheNotificationDetails() {
        assertThrows(
                NullPointerException.class,
                () -> new PaypalTransaction(
                        1, "1AB23456CD7890123", 20, item, null, "EUR", "shop@example.com", "Completed", "l", NOW));
        assertThrows(
                NullPointerException.class,
                () -> new PaypalTransaction(
                        1,
                        "1AB23456CD7890123",
                        20,
                        item,
                        BigDecimal.TEN,
                        "EUR",
                        "shop@example.com",
                        "Completed",
                        null,
                        NOW));
    }
}
