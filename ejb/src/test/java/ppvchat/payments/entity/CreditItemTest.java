package ppvchat.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.tenancy.entity.Webmaster;

class CreditItemTest {

    private final Webmaster webmaster = TestEntities.webmaster(4);

    @Test
    void packageGrantsCreditsForAPriceInCents() {
        CreditItem item = new CreditItem(webmaster, 600, new BigDecimal("10.00"), "600 credits");

        assertEquals(4L, item.webmasterId());
        assertEquals(600, item.credits());
        assertEquals(new BigDecimal("10.00"), item.price());
        assertEquals("600 credits", item.description());
        assertTrue(item.active());
    }

    @Test
    void priceIsStoredWithExactlyTwoDecimals() {
        assertEquals(new BigDecimal("10.00"), new CreditItem(webmaster, 1, new BigDecimal("10"), "a").price());
        assertEquals(new BigDecimal("10.50"), new CreditItem(webmaster, 1, new BigDecimal("10.5"), "b").price());
        assertEquals(new BigDecimal("10.50"), new CreditItem(webmaster, 1, new BigDecimal("10.500"), "c").price());
    }

    @Test
    void priceWithFractionsOfACentIsRejectedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 1, BigDecimal.ONE, " "));
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 1, new BigDecimal("10.001"), "x"));
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 1, new BigDecimal("0.005"), "x"));
    }

    @Test
    void creditsAndPriceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 0, BigDecimal.TEN, "x"));
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, -1, BigDecimal.TEN, "x"));
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 10, BigDecimal.ZERO, "x"));
        assertThrows(IllegalArgumentException.class, () -> new CreditItem(webmaster, 10, new BigDecimal("-1.00"), "x"));
    }

    @Test
    void repriceIsAllOrNothing() {
        CreditItem item = new CreditItem(webmaster, 600, new BigDecimal("10.00"), "600 credits");

        item.reprice(1200, new BigDecimal("18.5"));
        assertEquals(1200, item.credits());
        assertEquals(new BigDecimal("18.50"), item.price());

        assertThrows(IllegalArgumentException.class, () -> item.reprice(0, new BigDecimal("5.00")));
        assertThrows(IllegalArgumentException.class, () -> item.reprice(100, BigDecimal.ZERO));
        assertEquals(1200, item.credits());
        assertEquals(new BigDecimal("18.50"), item.price());
    }

    @Test
    void withdrawnPackageIsInactive() {
        CreditItem item = new CreditItem(webmaster, 600, new BigDecimal("10.00"), "600 credits");

        item.withdraw();

        assertFalse(item.active());
    }
}
