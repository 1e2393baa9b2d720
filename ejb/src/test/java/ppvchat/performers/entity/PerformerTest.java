package ppvchat.performers.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;
import ppvchat.tenancy.entity.Webmaster;

class PerformerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Webmaster webmaster;
    private ChatUser user;

    @BeforeEach
    void setUp() {
        webmaster = TestEntities.webmaster(1);
        webmaster.limitRates(10, 100);
        user = TestEntities.user(webmaster, 5, Role.USER);
    }

    @Test
    void becomingAPerformerMakesTheUserAPerformer() {
        Performer performer = new Performer(webmaster, user, "  Jane  ", 30, NOW);

        assertEquals(Role.PERFORMER, user.role());
        assertSame(user, performer.user());
        assertEquals(1L, performer.webmasterId());
        assertEquals("Jane", performer.displayName());
        assertEquals(30, performer.pricePerMinute());
        assertNull(performer.percentage());
    }

    @Test
    void rateMustBeWithinTheWebmasterLimits() {
        assertEquals(10, new Performer(webmaster, user, "Low", 10, NOW).pricePerMinute());
        assertEquals(100, new Performer(webmaster, user, "High", 100, NOW).pricePerMinute());
        assertThrows(IllegalArgumentException.class, () -> new Performer(webmaster, user, "Cheap", 9, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Performer(webmaster, user, "Dear", 101, NOW));
    }

    @Test
    void repriceChecksTheLimitsAndKeepsTheOldRateOnFailure() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);

        performer.reprice(60, webmaster);
        assertEquals(60, performer.pricePerMinute());

        assertThrows(IllegalArgumentException.class, () -> performer.reprice(101, webmaster));
        assertThrows(IllegalArgumentException.class, () -> performer.reprice(0, webmaster));
        assertEquals(60, performer.pricePerMinute());
    }

    @Test
    void userOfAnotherWebmasterIsRejected() {
        ChatUser stranger = TestEntities.user(2L, 6L, Role.USER);

        assertThrows(IllegalArgumentException.class, () -> new Performer(webmaster, stranger, "Jane", 30, NOW));
        assertEquals(Role.USER, stranger.role());
    }

    @Test
    void userIdsAboveTheIntegerCacheAreComparedByValue() {
        Webmaster big = TestEntities.webmaster(100_000L);
        ChatUser bigUser = TestEntities.user(big, 100_001L, Role.USER);

        Performer performer = new Performer(big, bigUser, "Jane", 30, NOW);

        assertEquals(100_000L, performer.webmasterId());
    }

    @Test
    void displayNameHasOneToEightyCharacters() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);

        performer.rename("x".repeat(80));
        assertEquals(80, performer.displayName().length());

        assertThrows(IllegalArgumentException.class, () -> performer.rename("x".repeat(81)));
        assertThrows(IllegalArgumentException.class, () -> performer.rename("   "));
        assertThrows(IllegalArgumentException.class, () -> performer.rename(null));
        assertEquals("x".repeat(80), performer.displayName());
        assertThrows(IllegalArgumentException.class, () -> new Performer(webmaster, user, "", 30, NOW));
    }

    @Test
    void earningPercentageUsesTheOverrideElseTheWebmasterDefault() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);

        assertEquals(new BigDecimal("50.00"), performer.earningPercentage(webmaster));

        webmaster.changeDefaultPercentage(new BigDecimal("40"));
        assertEquals(new BigDecimal("40.00"), performer.earningPercentage(webmaster));

        performer.overridePercentage(new BigDecimal("37.5"));
        assertEquals(new BigDecimal("37.50"), performer.percentage());
        assertEquals(new BigDecimal("37.50"), performer.earningPercentage(webmaster));

        webmaster.changeDefaultPercentage(new BigDecimal("60"));
        assertEquals(new BigDecimal("37.50"), performer.earningPercentage(webmaster));

        performer.overridePercentage(null);
        assertEquals(new BigDecimal("60.00"), performer.earningPercentage(webmaster));
    }

    @Test
    void overridePercentageIsValidated() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);
        performer.overridePercentage(new BigDecimal("70"));

        assertThrows(IllegalArgumentException.class, () -> performer.overridePercentage(new BigDecimal("100.5")));
        assertThrows(IllegalArgumentException.class, () -> performer.overridePercentage(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> performer.overridePercentage(new BigDecimal("33.333")));
        assertEquals(new BigDecimal("70.00"), performer.percentage());
    }

    @Test
    void benefitIsExactAndRoundedHalfUpToCents() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);

        performer.overridePercentage(new BigDecimal("37.5"));
        assertEquals(new BigDecimal("3.75"), performer.benefitOf(new BigDecimal("10.00"), webmaster));

        performer.overridePercentage(null); // the default 50%
        assertEquals(new BigDecimal("0.03"), performer.benefitOf(new BigDecimal("0.05"), webmaster));
        assertEquals(new BigDecimal("0.00"), performer.benefitOf(new BigDecimal("0.00"), webmaster));
        assertEquals(new BigDecimal("0.01"), performer.benefitOf(new BigDecimal("0.01"), webmaster));

        performer.overridePercentage(new BigDecimal("33.33"));
        assertEquals(new BigDecimal("33.33"), performer.benefitOf(new BigDecimal("100.00"), webmaster));
        assertEquals(new BigDecimal("0.33"), performer.benefitOf(new BigDecimal("1.00"), webmaster));

        performer.overridePercentage(new BigDecimal("100"));
        assertEquals(new BigDecimal("12.34"), performer.benefitOf(new BigDecimal("12.34"), webmaster));

        performer.overridePercentage(BigDecimal.ZERO);
        assertEquals(new BigDecimal("0.00"), performer.benefitOf(new BigDecimal("12.34"), webmaster));
    }

    @Test
    void aDisabledPerformerIsRefusedUntilEnabledAgain() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);
        performer.requireEnabled();

        performer.disable(NOW);
        performer.disable(NOW.plusSeconds(60));
        assertEquals(NOW, performer.disabledAt(), "disabling twice keeps the first time");
        assertThrows(Forbidden.class, performer::requireEnabled);

        performer.enable();
        assertNull(performer.disabledAt());
        performer.requireEnabled();
    }

    @Test
    void aHeadlineIsStrippedBlankIsNoneAndLongIsRefused() {
        Performer performer = new Performer(webmaster, user, "Jane", 30, NOW);

        performer.describe("  Tarot readings  ");
        assertEquals("Tarot readings", performer.headline());
        performer.describe("   ");
        assertNull(performer.headline());
        assertThrows(IllegalArgumentException.class, () -> performer.describe("x".repeat(201)));
        assertNull(performer.headline());
    }
}
