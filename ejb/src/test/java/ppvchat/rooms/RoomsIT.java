package ppvchat.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.boundary.CreditAdjustments;
import ppvchat.ledger.boundary.Reconciliation;
import ppvchat.ledger.boundary.ReconciliationReport;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.InsufficientCredits;
import ppvchat.ledger.entity.LedgerEntry;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.metering.control.Meters;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.performers.boundary.WallEntry;
import ppvchat.performers.entity.PerformerStatus;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.entity.CreditRounding;
import ppvchat.tips.boundary.TipReceipt;
import ppvchat.tips.boundary.Tips;

/**
 * Rooms, private shows billed per second, tips and the ledger, on a real Payara Micro with the real
 * metering tick, against H2 and against MariaDB. Holds, request expiry, reconnection grace and the
 * node timeout are shortened (rooms-it/microprofile-config.properties) so that the tests see them happen.
 */
@ExtendWith(ArquillianExtension.class)
class RoomsIT {

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "rooms-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(RoomsIT.class, RoomEventLog.class, Fixtures.class, TestDatabase.class)
                .addAsResource("rooms-it/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    Rooms rooms;

    @Inject
    Tips tips;

    @Inject
    Fixtures fx;

    @Inject
    RoomEventLog log;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CreditAdjustments adjustments;

    @Inject
    PerformerWall wall;

    @Inject
    ShowBilling billing;

    @Inject
    Meters meters;

    @Test
    void aPrivateShowFromRequestToSettlement() throws InterruptedException {
        long site = fx.site("Flow", CreditRounding.UP);
        long[] star = fx.performer(site, "flow-star", 120);
        long alice = fx.user(site, "flow-alice", Role.USER, 1_000);
        long bob = fx.user(site, "flow-bob", Role.USER, 1_000);
        long carol = fx.user(site, "flow-carol", Role.USER, 0);

        assertEquals(PerformerStatus.OFFLINE, statusOf(site, star[0]));
        rooms.goOnline(site, star[1]);
        assertEquals(PerformerStatus.ONLINE, statusOf(site, star[0]));
        for (long watcher : List.of(alice, bob, carol)) {
            rooms.enter(site, watcher, star[0]);
        }
        long aliceShow = rooms.requestPrivate(site, alice, star[0]);
        long bobShow = rooms.requestPrivate(site, bob, star[0]);
        rooms.accept(site, star[1], aliceShow);

        assertEquals(PerformerStatus.BUSY, statusOf(site, star[0]));
        assertEquals(ShowStatus.RUNNING, fx.find(PrivateShow.class, aliceShow).status());
        assertEquals(ShowStatus.DECLINED, fx.find(PrivateShow.class, bobShow).status(), "other requests answered");
        assertEquals(
                Set.of(bob, carol),
                log.of(RoomEvent.WatcherEjected.class, star[0]).stream()
                        .map(RoomEvent.WatcherEjected::userId)
                        .collect(Collectors.toSet()),
                "everyone else is ejected");
        assertEquals(1, log.of(RoomEvent.ShowStarted.class, star[0]).size());
        assertThrows(DomainException.class, () -> rooms.enter(site, carol, star[0]), "no way back in while private");
        assertTrue(fx.userNow(alice).heldCredits() > 0, "credits are held while the show runs");

        Thread.sleep(3_300);
        rooms.leave(site, alice, star[0]);

        PrivateShow show = fx.find(PrivateShow.class, aliceShow);
        assertEquals(ShowStatus.ENDED, show.status());
        assertEquals(EndReason.USER_LEFT, show.endReason());
        assertTrue(show.billedSeconds() >= 3 && show.billedSeconds() <= 5, "billed " + show.billedSeconds());
        assertEquals(CreditRounding.UP.creditsFor(show.billedSeconds(), 120), show.creditsCharged());
        ChatUser after = fx.userNow(alice);
        assertEquals(1_000 - show.creditsCharged(), after.credits());
        assertEquals(0, after.heldCredits(), "the hold is released");
        assertEquals(1, fx.count("SELECT COUNT(t) FROM Earning t WHERE t.showId = :id", aliceShow));
        assertEquals(PerformerStatus.ONLINE, statusOf(site, star[0]));
        RoomEvent.ShowEnded ended = log.of(RoomEvent.ShowEnded.class, star[0]).get(0);
        assertEquals(show.creditsCharged(), ended.creditsCharged());
        assertClean(site);
    }

    @Test
    void theRateIsLockedWhenTheShowIsRequested() throws InterruptedException {
        long site = fx.site("Locked rate", CreditRounding.UP);
        long[] star = fx.performer(site, "lock-star", 120);
        long user = fx.user(site, "lock-fan", Role.USER, 500);
        rooms.goOnline(site, star[1]);
        long showId = rooms.requestPrivate(site, user, star[0]);
        fx.reprice(star[0], 600);
        rooms.accept(site, star[1], showId);
        Thread.sleep(1_200);
        rooms.endShow(site, star[1], showId);

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(120, show.ratePerMinute());
        assertEquals(EndReason.PERFORMER_ENDED, show.endReason());
        assertEquals(CreditRounding.UP.creditsFor(show.billedSeconds(), 120), show.creditsCharged());
        assertClean(site);
    }

    @Test
    void theShowEndsWithinASecondOfTheCreditsRunningOutAndWarnsBefore() {
        long site = fx.site("Exhaustion", CreditRounding.UP);
        long[] star = fx.performer(site, "out-star", 60);
        long user = fx.user(site, "out-fan", Role.USER, 6);
        long showId = privateShow(site, star, user);

        waitFor(() -> fx.find(PrivateShow.class, showId).status() == ShowStatus.ENDED, Duration.ofSeconds(20));
        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(EndReason.CREDITS_EXHAUSTED, show.endReason());
        assertEquals(6, show.billedSeconds());
        assertEquals(6, show.creditsCharged());
        long lateMillis = Duration.between(show.startedAt().plusSeconds(6), show.endedAt())
                .toMillis();
        assertTrue(lateMillis >= 0 && lateMillis < 1_000, "ended " + lateMillis + " ms after the funds ran out");
        assertEquals(0, fx.userNow(user).credits());
        assertEquals(0, fx.userNow(user).heldCredits());
        assertFalse(log.of(RoomEvent.LowBalance.class, star[0]).isEmpty(), "the user was warned");
        assertClean(site);
    }

    @Test
    void aTopUpDuringTheShowKeepsItGoing() throws InterruptedException {
        long site = fx.site("Top-up", CreditRounding.UP);
        long[] star = fx.performer(site, "topup-star", 60);
        long user = fx.user(site, "topup-fan", Role.USER, 4);
        long showId = privateShow(site, star, user);

        Thread.sleep(1_500);
        fx.buy(site, user, 100, "topup-during-show");
        Thread.sleep(5_500);
        assertEquals(ShowStatus.RUNNING, fx.find(PrivateShow.class, showId).status(), "still running past 4 s");
        rooms.endShow(site, user, showId);

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertTrue(show.creditsCharged() > 4, "charged " + show.creditsCharged());
        assertEquals(104 - show.creditsCharged(), fx.userNow(user).credits());
        assertClean(site);
    }

    @Test
    void unansweredRequestsExpireAndAbandonedShowsEnd() {
        long site = fx.site("Timeouts", CreditRounding.UP);
        long[] star = fx.performer(site, "late-star", 60);
        long waiting = fx.user(site, "late-waiting", Role.USER, 100);
        long watching = fx.user(site, "late-watching", Role.USER, 100);
        rooms.goOnline(site, star[1]);

        long unanswered = rooms.requestPrivate(site, waiting, star[0]);
        waitFor(() -> fx.find(PrivateShow.class, unanswered).status() == ShowStatus.EXPIRED, Duration.ofSeconds(15));
        // the room hears of it once the expiry has committed, a moment after the status is visible
        waitFor(() -> !log.of(RoomEvent.PrivateExpired.class, star[0]).isEmpty(), Duration.ofSeconds(5));
        assertEquals(1, log.of(RoomEvent.PrivateExpired.class, star[0]).size());

        // Leaving withdraws an open request, and never fails over one that was answered meanwhile.
        rooms.enter(site, waiting, star[0]);
        long withdrawn = rooms.requestPrivate(site, waiting, star[0]);
        rooms.leave(site, waiting, star[0]);
        assertEquals(ShowStatus.CANCELLED, fx.find(PrivateShow.class, withdrawn).status());

        long showId = rooms.requestPrivate(site, watching, star[0]);
        rooms.accept(site, star[1], showId);
        rooms.connectionChanged(site, watching, star[0], false);
        waitFor(() -> fx.find(PrivateShow.class, showId).status() == ShowStatus.ENDED, Duration.ofSeconds(15));
        assertEquals(EndReason.DISCONNECTED, fx.find(PrivateShow.class, showId).endReason());
        assertClean(site);
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        long site = fx.site("Bad input", CreditRounding.UP);
        long other = fx.site("Other site", CreditRounding.UP);
        long[] star = fx.performer(site, "bad-star", 60);
        long[] rival = fx.performer(site, "bad-rival", 60);
        long user = fx.user(site, "bad-fan", Role.USER, 50);
        long banned = fx.user(site, "bad-banned", Role.USER, 50);
        long stranger = fx.user(other, "bad-stranger", Role.USER, 50);
        fx.ban(banned);
        rooms.goOnline(site, star[1]);
        long pending = rooms.requestPrivate(site, user, star[0]);
        long entries = ledgerEntries(site);

        assertRefused("offline", () -> rooms.requestPrivate(site, user, rival[0]));
        assertRefused("offline", () -> rooms.requestPrivate(site, user, Long.MAX_VALUE));
        assertRefused("already", () -> rooms.requestPrivate(site, user, star[0]));
        assertRefused("only the requested performer", () -> rooms.accept(site, rival[1], pending));
        assertRefused("only the requested performer", () -> rooms.accept(site, user, pending));
        assertRefused("banned", () -> rooms.enter(site, banned, star[0]));
        assertRefused("banned", () -> rooms.requestPrivate(site, banned, star[0]));
        assertRefused("banned", () -> tips.tip(site, banned, star[0], 5, "banned-tip"));
        assertThrows(NotFound.class, () -> rooms.enter(site, stranger, Long.MAX_VALUE));
        assertThrows(NotFound.class, () -> rooms.enter(site, stranger, star[0]), "a user of another site");
        assertRefused("between 1 and", () -> tips.tip(site, user, star[0], 0, "zero"));
        assertRefused("between 1 and", () -> tips.tip(site, user, star[0], -5, "negative"));
        assertThrows(InsufficientCredits.class, () -> tips.tip(site, user, star[0], 51, "too-much"));
        assertRefused("idempotency key", () -> tips.tip(site, user, star[0], 5, " "));
        assertThrows(NotFound.class, () -> tips.tip(site, user, Long.MAX_VALUE, 5, "nobody"));
        assertThrows(NotFound.class, () -> tips.tip(site, user, star[0] + 1_000_000, 5, "unknown"));

        assertEquals(entries, ledgerEntries(site), "no ledger entry was written");
        assertEquals(50, fx.userNow(user).credits());
        assertEquals(0, fx.userNow(user).heldCredits());
        assertEquals(ShowStatus.REQUESTED, fx.find(PrivateShow.class, pending).status());
        assertEquals(
                1,
                fx.count("SELECT COUNT(s) FROM PrivateShow s WHERE s.webmasterId = :id", site),
                "only the one pending request exists");
        assertClean(site);
    }

    @Test
    void aTipIsBookedOncePerKey() {
        long site = fx.site("Tips", CreditRounding.UP);
        long[] star = fx.performer(site, "tip-star", 60);
        long user = fx.user(site, "tip-fan", Role.USER, 100);

        TipReceipt first = tips.tip(site, user, star[0], 25, "tip-1");
        TipReceipt replay = tips.tip(site, user, star[0], 25, "tip-1");
        assertEquals(first, replay);
        assertEquals(75, first.balanceAfter());
        assertEquals(75, fx.userNow(user).credits());
        assertRefused("was used for another change", () -> tips.tip(site, user, star[0], 30, "tip-1"));
        assertEquals(1, fx.count("SELECT COUNT(t) FROM Earning t WHERE t.userId = :id", user));
        assertEquals(1, log.of(RoomEvent.TipSent.class, star[0]).size());
        assertClean(site);
    }

    @Test
    void concurrentTipsAndABillingShowNeverOverdrawNorLoseAnUpdate() throws Exception {
        long site = fx.site("Contention", CreditRounding.UP);
        long[] star = fx.performer(site, "busy-star", 600);
        long[] other = fx.performer(site, "busy-other", 60);
        long user = fx.user(site, "busy-fan", Role.USER, 1_000);
        long showId = privateShow(site, star, user);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                String key = "race-" + i;
                long delay = 50L * i; // spread over three seconds of billing and hold extensions
                attempts.add(threads.submit(() -> {
                    Thread.sleep(delay);
                    try {
                        tips.tip(site, user, other[0], 25, key);
                        return true;
                    } catch (InsufficientCredits refused) {
                        return false;
                    }
                }));
            }
            int booked = 0;
            for (Future<Boolean> attempt : attempts) {
                booked += attempt.get() ? 1 : 0;
            }
            // Both sides end the show at the same moment: it is charged once.
            Future<?> byUser = threads.submit(() -> rooms.endShow(site, user, showId));
            Future<?> byPerformer = threads.submit(() -> rooms.endShow(site, star[1], showId));
            byUser.get();
            byPerformer.get();

            PrivateShow show = fx.find(PrivateShow.class, showId);
            ChatUser after = fx.userNow(user);
            assertTrue(after.credits() >= 0);
            assertEquals(1_000 - 25L * booked - show.creditsCharged(), after.credits(), "no update was lost");
            assertEquals(
                    booked,
                    fx.count(
                            "SELECT COUNT(e) FROM LedgerEntry e WHERE e.userId = :id AND e.kind = ppvchat.ledger.entity.EntryKind.TIP",
                            user));
            assertTrue(show.billedSeconds() >= 2, "billed " + show.billedSeconds());
            assertEquals(
                    1,
                    fx.count("SELECT COUNT(e) FROM LedgerEntry e WHERE e.showId = :id", showId),
                    "one charge for the show");
            assertTrue(booked > 0 && 25L * booked <= 1_000, "some tips went through, the rest were refused: " + booked);
            assertClean(site);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theShowsOfANodeThatDiedAreSettledOnceUpToItsLastHeartbeat() {
        long site = fx.site("Recovery", CreditRounding.UP);
        long[] star = fx.performer(site, "crash-star", 90);
        long user = fx.user(site, "crash-fan", Role.USER, 500);
        long showId = privateShow(site, star, user);

        // What a node's death leaves: the show in the database, its meter gone with the JVM, the node's
        // heartbeat stopping 2.6 s into the show. A survivor's tick settles it once the node is stale.
        meters.remove(showId);
        Instant lastHeartbeat = fx.find(PrivateShow.class, showId).startedAt().plusMillis(2_600);
        fx.deadNode("node-that-died", lastHeartbeat, showId);
        waitFor(() -> fx.find(PrivateShow.class, showId).status() == ShowStatus.ENDED, Duration.ofSeconds(20));

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(EndReason.SERVER_RESTART, show.endReason());
        assertEquals(2, show.billedSeconds(), "whole seconds up to the last heartbeat");
        assertEquals(lastHeartbeat, show.endedAt());
        assertEquals(CreditRounding.UP.creditsFor(2, 90), show.creditsCharged());
        assertEquals(500 - show.creditsCharged(), fx.userNow(user).credits());
        assertEquals(0, fx.userNow(user).heldCredits());
        assertEquals(lastHeartbeat, fx.stoppedAt("node-that-died"), "the dead node is marked stopped");
        assertTrue(
                billing.settleAsOf(showId, EndReason.SERVER_RESTART, Instant.now())
                        .isEmpty(),
                "settling twice does nothing");
        assertClean(site);
    }

    @Test
    void aPersonsCreditChangeIsAnAuditedAdjustmentPostedOnce() {
        long site = fx.site("Adjusted", CreditRounding.UP);
        long other = fx.site("Adjusted elsewhere", CreditRounding.UP);
        long user = fx.user(site, "adjust-fan", Role.USER, 100);

        LedgerEntry goodwill = adjustments.adjust(site, user, 50, "admin@site", "goodwill after an outage", "form-1");
        LedgerEntry again = adjustments.adjust(site, user, 50, "admin@site", "goodwill after an outage", "form-1");

        assertEquals(goodwill.id(), again.id(), "a resubmitted form posts once");
        assertEquals(150, fx.userNow(user).credits());
        assertEquals("admin@site", goodwill.actor());
        assertEquals("goodwill after an outage", goodwill.reason());
        assertEquals(EntryKind.ADJUSTMENT, goodwill.kind());
        assertRefused("was used for another change", () -> adjustments.adjust(site, user, -5, "admin", "x", "form-1"));
        assertThrows(Exception.class, () -> adjustments.adjust(site, user, -151, "admin", "too much", "form-2"));
        assertThrows(Exception.class, () -> adjustments.adjust(site, user, 10, "admin", " ", "form-3"));
        assertThrows(Exception.class, () -> adjustments.adjust(site, user, 10, " ", "no actor", "form-4"));
        assertRefused("no user", () -> adjustments.adjust(other, user, 10, "admin", "wrong site", "form-5"));
        assertEquals(150, fx.userNow(user).credits(), "refused changes change nothing");
        assertClean(site);
    }

    @Test
    void aUserHeldAfterARefundBooksNoShowUntilTheWebmasterLiftsTheHold() {
        long site = fx.site("Held", CreditRounding.UP);
        long[] star = fx.performer(site, "held-star", 60);
        long user = fx.user(site, "held-fan", Role.USER, 500);
        fx.holdPurchases(user, 120);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, user, star[0]);

        assertRefused("on hold", () -> rooms.requestPrivate(site, user, star[0]));
        assertEquals(120, fx.userNow(user).creditShortfall());

        adjustments.liftPurchasesHold(site, user);
        assertTrue(fx.userNow(user).purchasesHold().isEmpty());
        long show = rooms.requestPrivate(site, user, star[0]);
        assertEquals(ShowStatus.REQUESTED, fx.find(PrivateShow.class, show).status());
        assertEquals(120, fx.userNow(user).creditShortfall(), "the shortfall stays on record");
    }

    @Test
    void reconciliationFindsABalanceChangedBehindTheLedgersBack() {
        long site = fx.site("Tampered", CreditRounding.UP);
        long[] star = fx.performer(site, "tamper-star", 60);
        long user = fx.user(site, "tamper-fan", Role.USER, 100);
        tips.tip(site, user, star[0], 10, "before");
        assertClean(site);

        fx.execute("UPDATE chat_user SET credits = credits + 5 WHERE id = ?1", user);
        ReconciliationReport report = reconciliation.check(site);
        assertFalse(report.clean());
        assertTrue(
                report.problems().stream().anyMatch(p -> p.contains("balance differs from their ledger")),
                report.problems()::toString);
        assertEquals(95, report.balances());
        assertEquals(100, report.purchased());
        assertEquals(10, report.spent());
    }

    /** The performer goes online, the user asks for a private show, the performer accepts. */
    private long privateShow(long site, long[] star, long user) {
        rooms.goOnline(site, star[1]);
        long showId = rooms.requestPrivate(site, user, star[0]);
        rooms.accept(site, star[1], showId);
        return showId;
    }

    private PerformerStatus statusOf(long site, long performerId) {
        return wall.of(site).stream()
                .filter(entry -> entry.performerId() == performerId)
                .map(WallEntry::status)
                .findFirst()
                .orElseThrow();
    }

    private long ledgerEntries(long site) {
        return fx.count("SELECT COUNT(e) FROM LedgerEntry e WHERE e.webmasterId = :id", site);
    }

    private void assertClean(long site) {
        ReconciliationReport report = reconciliation.check(site);
        assertTrue(report.clean(), report.problems()::toString);
    }

    private static void assertRefused(String because, Runnable action) {
        DomainException refused = assertThrows(DomainException.class, action::run);
        assertTrue(refused.getMessage().contains(because), "expected '" + because + "' in: " + refused.getMessage());
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not reached within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
