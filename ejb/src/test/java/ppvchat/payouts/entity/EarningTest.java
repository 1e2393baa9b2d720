package ppvchat.payouts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.Webmaster;

class EarningTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Webmaster webmaster;
    private Performer performer;
    private ChatUser viewer;

    @BeforeEach
    void setUp() {
        webmaster = TestEntities.webmaster(1, new BigDecimal("0.016667"));
        performer = TestEntities.performer(webmaster, TestEntities.user(webmaster, 10, Role.USER), 100, 60);
        viewer = TestEntities.user(webmaster, 20, Role.USER);
    }

    private PrivateShow endedShow(long credits) {
        PrivateShow show = TestEntities.show(PrivateShow.request(performer, viewer, NOW), 700);
        show.accept(NOW.plusSeconds(1));
        show.start(NOW.plusSeconds(2), "node-a", BillingPolicy.standard());
        show.holdMore(1_000, 1_000);
        show.end(EndReason.USER_LEFT, NOW.plusSeconds(602), 600, credits);
        return show;
    }

    @Test
    void tipFixesPriceAndBenefit() {
        performer.overridePercentage(new BigDecimal("37.5"));

        Earning tip = Earning.tip(webmaster, performer, viewer, 600, NOW);

        assertEquals(EarningAction.TIPS, tip.action());
        assertEquals(1L, tip.webmasterId());
        assertEquals(100L, tip.performerId());
        assertEquals(20L, tip.userId());
        assertEquals(600, tip.credits());
        assertEquals(new BigDecimal("10.00"), tip.price());
        assertEquals(new BigDecimal("3.75"), tip.performerBenefit());
        assertEquals(NOW, tip.date());
        assertNull(tip.showId());
        assertNull(tip.statementId());
    }

    @Test
    void tipBenefitRoundsHalfUpToCents() {
        Webmaster cheap = TestEntities.webmaster(2, new BigDecimal("0.01"));
        Performer other = TestEntities.performer(cheap, TestEntities.user(cheap, 11, Role.USER), 101, 60);

        Earning tip = Earning.tip(cheap, other, TestEntities.user(cheap, 21, Role.USER), 5, NOW);

        assertEquals(new BigDecimal("0.05"), tip.price());
        assertEquals(new BigDecimal("0.03"), tip.performerBenefit());
    }

    @Test
    void laterChangesDoNotRewriteAnEarning() {
        Earning tip = Earning.tip(webmaster, performer, viewer, 600, NOW);

        performer.overridePercentage(new BigDecimal("90"));
        webmaster.changeDefaultPercentage(new BigDecimal("10"));

        assertEquals(new BigDecimal("10.00"), tip.price());
        assertEquals(new BigDecimal("5.00"), tip.performerBenefit());
    }

    @Test
    void tipNeedsPositiveCredits() {
        assertThrows(IllegalArgumentException.class, () -> Earning.tip(webmaster, performer, viewer, 0, NOW));
        assertThrows(IllegalArgumentException.class, () -> Earning.tip(webmaster, performer, viewer, -5, NOW));
    }

    @Test
    void performerOfAnotherWebmasterIsRejected() {
        Webmaster other = TestEntities.webmaster(2);

        assertThrows(IllegalArgumentException.class, () -> Earning.tip(other, performer, viewer, 10, NOW));
    }

    @Test
    void liveshowEarnsWhatTheEndedShowCharged() {
        PrivateShow show = endedShow(600);

        Earning earning = Earning.liveshow(webmaster, performer, show);

        assertEquals(EarningAction.LIVESHOW, earning.action());
        assertEquals(700L, earning.showId());
        assertEquals(20L, earning.userId());
        assertEquals(600, earning.credits());
        assertEquals(new BigDecimal("10.00"), earning.price());
        assertEquals(new BigDecimal("5.00"), earning.performerBenefit());
        assertEquals(show.endedAt(), earning.date());
    }

    @Test
    void liveshowOnlyForAnEndedShow() {
        PrivateShow running = TestEntities.show(PrivateShow.request(performer, viewer, NOW), 701);
        running.accept(NOW);
        running.start(NOW, "node-a", BillingPolicy.standard());

        assertThrows(IllegalArgumentException.class, () -> Earning.liveshow(webmaster, performer, running));

        PrivateShow declined = TestEntities.show(PrivateShow.request(performer, viewer, NOW), 702);
        declined.decline();
        assertThrows(IllegalArgumentException.class, () -> Earning.liveshow(webmaster, performer, declined));
    }

    @Test
    void liveshowOnlyForThePerformersOwnShow() {
        Performer other = TestEntities.performer(webmaster, TestEntities.user(webmaster, 12, Role.USER), 102, 60);
        PrivateShow show = endedShow(600);

        assertThrows(IllegalArgumentException.class, () -> Earning.liveshow(webmaster, other, show));
    }

    @Test
    void aShowThatChargedNothingEarnsNothing() {
        PrivateShow show = endedShow(0);

        assertThrows(IllegalArgumentException.class, () -> Earning.liveshow(webmaster, performer, show));
    }

    @Test
    void isPaidInOneStatementOnly() {
        Earning tip = Earning.tip(webmaster, performer, viewer, 60, NOW);

        tip.includeIn(900_000L);
        tip.includeIn(900_000L);
        assertEquals(900_000L, tip.statementId());

        assertThrows(DomainException.class, () -> tip.includeIn(900_001L));
        assertEquals(900_000L, tip.statementId());
    }

    @Test
    void earningActionColumnsMatchTheSeed() {
        EarningActionConverter converter = new EarningActionConverter();

        assertEquals("tips", converter.convertToDatabaseColumn(EarningAction.TIPS));
        assertEquals("liveshow", converter.convertToDatabaseColumn(EarningAction.LIVESHOW));
        assertEquals(EarningAction.TIPS, converter.convertToEntityAttribute("tips"));
        assertEquals(EarningAction.LIVESHOW, converter.convertToEntityAttribute("liveshow"));
        assertNull(converter.convertToEntityAttribute(null));
        assertNull(converter.convertToDatabaseColumn(null));
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("TIPS"));
    }
}
