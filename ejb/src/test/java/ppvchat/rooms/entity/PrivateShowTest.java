package ppvchat.rooms.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;
import ppvchat.tenancy.entity.Webmaster;

class PrivateShowTest {

    private static final Instant REQUESTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ACCEPTED = REQUESTED.plusSeconds(5);
    private static final Instant STARTED = REQUESTED.plusSeconds(8);
    private static final Instant ENDED = STARTED.plusSeconds(125);

    private Webmaster webmaster;
    private Performer performer;
    private ChatUser viewer;

    @BeforeEach
    void setUp() {
        webmaster = TestEntities.webmaster(1);
        performer = TestEntities.performer(webmaster, TestEntities.user(webmaster, 10, Role.USER), 100, 30);
        viewer = TestEntities.user(webmaster, 20, Role.USER);
    }

    private PrivateShow requested() {
        return TestEntities.show(PrivateShow.request(performer, viewer, REQUESTED), 500);
    }

    private PrivateShow running() {
        PrivateShow show = requested();
        show.accept(ACCEPTED);
        show.start(STARTED, "node-a", BillingPolicy.standard());
        show.holdMore(1_000, 1_000);
        return show;
    }

    @Test
    void requestRecordsPartiesRateAndTime() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);

        assertEquals(ShowStatus.REQUESTED, show.status());
        assertEquals(1L, show.webmasterId());
        assertEquals(100L, show.performerId());
        assertEquals(20L, show.userId());
        assertEquals(30, show.ratePerMinute());
        assertEquals(REQUESTED, show.requestedAt());
        assertNull(show.acceptedAt());
        assertNull(show.startedAt());
        assertNull(show.endedAt());
        assertNull(show.endReason());
    }

    @Test
    void rateIsLockedAtRequest() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);

        performer.reprice(90, webmaster);
        show.accept(ACCEPTED);
        show.start(STARTED, "node-a", BillingPolicy.standard());
        show.holdMore(1_000, 1_000);

        assertEquals(30, show.ratePerMinute());
        assertEquals(90, PrivateShow.request(performer, viewer, REQUESTED).ratePerMinute());
    }

    @Test
    void legalPathRecordsEveryStep() {
        PrivateShow show = requested();

        show.accept(ACCEPTED);
        assertEquals(ShowStatus.ACCEPTED, show.status());
        assertEquals(ACCEPTED, show.acceptedAt());

        show.start(STARTED, "node-a", BillingPolicy.standard());

        show.holdMore(1_000, 1_000);
        assertEquals(ShowStatus.RUNNING, show.status());
        assertEquals(STARTED, show.startedAt());

        show.end(EndReason.USER_LEFT, ENDED, 125, 63);
        assertEquals(ShowStatus.ENDED, show.status());
        assertEquals(EndReason.USER_LEFT, show.endReason());
        assertEquals(ENDED, show.endedAt());
        assertEquals(125, show.billedSeconds());
        assertEquals(63, show.creditsCharged());
    }

    @Test
    void anAcceptedShowMayEndBeforeItStarts() {
        PrivateShow show = requested();
        show.accept(ACCEPTED);

        show.end(EndReason.DISCONNECTED, ACCEPTED.plusSeconds(1), 0, 0);

        assertEquals(ShowStatus.ENDED, show.status());
        assertNull(show.startedAt());
        assertEquals(0, show.creditsCharged());
    }

    @Test
    void cannotStartBeforeAccept() {
        PrivateShow show = requested();

        assertThrows(DomainException.class, () -> show.start(STARTED, "node-a", BillingPolicy.standard()));
        assertEquals(ShowStatus.REQUESTED, show.status());
        assertNull(show.startedAt());
    }

    @Test
    void cannotAcceptTwice() {
        PrivateShow show = requested();
        show.accept(ACCEPTED);

        assertThrows(DomainException.class, () -> show.accept(ACCEPTED.plusSeconds(1)));
        assertEquals(ShowStatus.ACCEPTED, show.status());
        assertEquals(ACCEPTED, show.acceptedAt());
    }

    @Test
    void cannotEndARequestedShow() {
        PrivateShow show = requested();

        assertThrows(DomainException.class, () -> show.end(EndReason.USER_LEFT, ENDED, 0, 0));
        assertEquals(ShowStatus.REQUESTED, show.status());
        assertNull(show.endReason());
    }

    @Test
    void cannotEndADeclinedShow() {
        PrivateShow show = requested();
        show.decline();

        assertThrows(DomainException.class, () -> show.end(EndReason.USER_LEFT, ENDED, 10, 5));
        assertEquals(ShowStatus.DECLINED, show.status());
        assertEquals(0, show.billedSeconds());
        assertEquals(0, show.creditsCharged());
    }

    @Test
    void cannotEndTwice() {
        PrivateShow show = running();
        show.end(EndReason.PERFORMER_ENDED, ENDED, 125, 63);

        assertThrows(DomainException.class, () -> show.end(EndReason.USER_LEFT, ENDED.plusSeconds(9), 134, 67));
        assertEquals(EndReason.PERFORMER_ENDED, show.endReason());
        assertEquals(125, show.billedSeconds());
        assertEquals(63, show.creditsCharged());
    }

    @Test
    void aRunningShowCanNoLongerBeDeclinedCancelledOrExpired() {
        PrivateShow show = running();

        assertThrows(DomainException.class, show::decline);
        assertThrows(DomainException.class, show::cancel);
        assertThrows(DomainException.class, show::expire);
        assertThrows(DomainException.class, () -> show.accept(STARTED));
        assertThrows(DomainException.class, () -> show.start(STARTED, "node-a", BillingPolicy.standard()));
        assertEquals(ShowStatus.RUNNING, show.status());
    }

    @Test
    void aRequestCanBeDeclinedCancelledOrExpiredOnce() {
        PrivateShow declined = requested();
        declined.decline();
        assertEquals(ShowStatus.DECLINED, declined.status());
        assertThrows(DomainException.class, () -> declined.accept(ACCEPTED));

        PrivateShow cancelled = requested();
        cancelled.cancel();
        assertEquals(ShowStatus.CANCELLED, cancelled.status());
        assertThrows(DomainException.class, cancelled::expire);

        PrivateShow expired = requested();
        expired.expire();
        assertEquals(ShowStatus.EXPIRED, expired.status());
        assertThrows(DomainException.class, expired::cancel);
    }

    @Test
    void negativeSecondsOrCreditsAreRejectedWithoutEndingTheShow() {
        PrivateShow show = running();

        assertThrows(IllegalArgumentException.class, () -> show.end(EndReason.USER_LEFT, ENDED, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> show.end(EndReason.USER_LEFT, ENDED, 10, -1));
        assertEquals(ShowStatus.RUNNING, show.status());
        assertNull(show.endReason());
    }

    @Test
    void endWithoutAReasonLeavesTheShowRunning() {
        PrivateShow show = running();

        assertThrows(NullPointerException.class, () -> show.end(null, ENDED, 10, 5));
        assertEquals(ShowStatus.RUNNING, show.status());
    }

    @Test
    void aPerformerCannotBookTheirOwnShow() {
        assertThrows(DomainException.class, () -> PrivateShow.request(performer, performer.user(), REQUESTED));
    }

    @Test
    void performerAndUserMustShareAWebmaster() {
        ChatUser stranger = TestEntities.user(2L, 30L, Role.USER);

        assertThrows(IllegalArgumentException.class, () -> PrivateShow.request(performer, stranger, REQUESTED));
    }

    @Test
    void showStatusTransitionTable() {
        Map<ShowStatus, Set<ShowStatus>> allowed = Map.of(
                ShowStatus.REQUESTED,
                EnumSet.of(ShowStatus.ACCEPTED, ShowStatus.DECLINED, ShowStatus.CANCELLED, ShowStatus.EXPIRED),
                ShowStatus.ACCEPTED,
                EnumSet.of(ShowStatus.RUNNING, ShowStatus.ENDED),
                ShowStatus.RUNNING,
                EnumSet.of(ShowStatus.ENDED));
        for (ShowStatus from : ShowStatus.values()) {
            Set<ShowStatus> successors = allowed.getOrDefault(from, Set.of());
            for (ShowStatus to : ShowStatus.values()) {
                assertEquals(successors.contains(to), from.canMoveTo(to), from + " -> " + to);
            }
            assertEquals(successors.isEmpty(), from.isFinal(), from.name());
        }
    }

    @Test
    void noStatusMovesToItself() {
        for (ShowStatus status : ShowStatus.values()) {
            assertFalse(status.canMoveTo(status), status.name());
        }
        assertTrue(ShowStatus.ENDED.isFinal());
    }

    @Test
    void aShowNeverChargesMoreThanItHeld() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);
        show.accept(ACCEPTED);
        show.start(STARTED, "node-a", BillingPolicy.standard());
        show.holdMore(40, 40);

        assertThrows(IllegalArgumentException.class, () -> show.end(EndReason.USER_LEFT, ENDED, 100, 41));
        assertEquals(ShowStatus.RUNNING, show.status());
        show.end(EndReason.USER_LEFT, ENDED, 80, 40);
        assertEquals(0, show.heldCredits(), "settling releases the hold");
    }

    @Test
    void startingLocksTheNodeGraceAndRounding() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);
        show.accept(ACCEPTED);
        show.start(STARTED, "node-a", new BillingPolicy(7, 10, 5, List.of(30), CreditRounding.HALF_UP));

        assertEquals("node-a", show.node());
        assertEquals(7, show.graceSeconds());
        assertEquals(CreditRounding.HALF_UP, show.rounding());
    }

    @Test
    void afterItsNodeDiedAShowIsBilledWholeSecondsAfterGraceUpToWhatTheHoldCovers() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);
        show.accept(ACCEPTED);
        show.start(STARTED, "node-a", new BillingPolicy(10, 10, 0, List.of(30), CreditRounding.UP));
        show.holdMore(300, 100);

        assertEquals(0, show.billableSecondsAt(STARTED.minusSeconds(5)), "a heartbeat before the start bills nothing");
        assertEquals(0, show.billableSecondsAt(STARTED.plusSeconds(10)), "grace is free");
        assertEquals(0, show.billableSecondsAt(STARTED.plusMillis(10_999)), "only whole seconds count");
        assertEquals(1, show.billableSecondsAt(STARTED.plusSeconds(11)));
        assertEquals(42, show.billableSecondsAt(STARTED.plusMillis(52_700)));
        assertEquals(100, show.billableSecondsAt(STARTED.plusSeconds(500)), "never beyond the hold");

        show.holdMore(300, 200);
        assertEquals(200, show.billableSecondsAt(STARTED.plusSeconds(500)), "a bigger hold covers more");
        assertThrows(IllegalArgumentException.class, () -> show.holdMore(10, 150), "covered seconds never shrink");
        assertThrows(IllegalArgumentException.class, () -> show.holdMore(0, 250), "a hold grows by credits");
    }

    @Test
    void onlyARunningShowBillsOrHolds() {
        PrivateShow show = PrivateShow.request(performer, viewer, REQUESTED);
        assertThrows(IllegalStateException.class, () -> show.billableSecondsAt(ENDED));
        assertThrows(DomainException.class, () -> show.holdMore(10, 10));
    }
}
