package ppvchat.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;
import ppvchat.chat.boundary.BadWords;
import ppvchat.chat.boundary.Chat;
import ppvchat.ledger.boundary.Reconciliation;
import ppvchat.ledger.boundary.ReconciliationReport;
import ppvchat.moderation.boundary.ConsoleModeration;
import ppvchat.moderation.boundary.ModerationTrail;
import ppvchat.moderation.boundary.RoomModeration;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.moderation.entity.ModerationKind;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.Fixtures;
import ppvchat.rooms.RoomEventLog;
import ppvchat.rooms.boundary.LiveOverview;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.rooms.entity.ShowStatus;
import ppvchat.tenancy.entity.CreditRounding;

/**
 * Moderation from the console on a real Payara Micro with the real metering tick, against H2 and MariaDB:
 * bans, unbans, kicks and stopped shows by console accounts, the live overview of rooms and meters, the
 * moderation trail, and the bad-word list; each refusing bad input and another site's objects.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleModerationIT {

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "console-moderation-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(
                        ConsoleModerationIT.class,
                        ConsoleFixtures.class,
                        Fixtures.class,
                        RoomEventLog.class,
                        TestDatabase.class)
                .addAsResource("rooms-it/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    ConsoleModeration moderation;

    @Inject
    ModerationTrail trail;

    @Inject
    LiveOverview overview;

    @Inject
    BadWords badWords;

    @Inject
    Rooms rooms;

    @Inject
    RoomModeration roomModeration;

    @Inject
    LiveRooms liveRooms;

    @Inject
    Chat chat;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Fixtures fx;

    @Inject
    ConsoleFixtures console;

    @Inject
    RoomEventLog log;

    @Test
    void aConsoleBanKeepsTheUserOutUntilLiftedAndIsRecordedWithTheAccount() {
        long site = fx.site("Ban", CreditRounding.UP);
        long moderator = console.account(site, "ban-mod", ConsoleRole.MODERATOR);
        long[] star = fx.performer(site, "ban-star", 60);
        long user = fx.user(site, "ban-fan", Role.USER, 100);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, user, star[0]);
        chat.say(site, user, star[0], "hello before the ban");

        Instant until = moderation.ban(site, "ban-mod", user, 60, "  spam links  ");

        assertTrue(fx.userNow(user).isBannedAt(Instant.now()));
        assertEquals(until, fx.userNow(user).bannedUntil());
        assertTrue(Duration.between(Instant.now(), until).toMinutes() >= 59, "about an hour: " + until);
        assertEquals("spam links", fx.userNow(user).banReason());
        assertRefused("banned", () -> rooms.enter(site, user, star[0]));
        assertRefused("join the room first", () -> chat.say(site, user, star[0], "still here?"));
        assertTrue(overview.now(site).get(0).watchers().isEmpty(), "taken out of the room");
        RoomEvent.Banned banned = log.of(RoomEvent.Banned.class, star[0]).get(0);
        assertEquals(user, banned.userId());
        assertEquals("spam links", banned.reason());

        ModerationAction recorded = console.trail(site).get(0);
        assertEquals(ModerationKind.BAN, recorded.action());
        assertEquals(moderator, recorded.actorAccountId());
        assertNull(recorded.actorUserId());
        assertEquals(user, recorded.targetUserId());
        assertEquals(until, recorded.expiresAt());
        ModerationTrail.Action shown = trail.actions(site, "BAN", 0, 10).get(0);
        assertEquals("ban-mod", shown.actor());
        assertTrue(shown.byConsole());
        assertEquals("ban-fan", shown.target());
        assertEquals(
                List.of(user),
                trail.bans(site, 0, 10).stream()
                        .map(ModerationTrail.Ban::userId)
                        .toList());

        moderation.unban(site, "ban-mod", user, null);
        assertFalse(fx.userNow(user).isBannedAt(Instant.now()));
        assertEquals(ModerationKind.UNBAN, console.trail(site).get(0).action());
        assertEquals(0, trail.countBans(site));
        assertRefused("not banned", () -> moderation.unban(site, "ban-mod", user, null));
        rooms.enter(site, user, star[0]);
        chat.say(site, user, star[0], "back again");

        Instant forever = moderation.banPermanently(site, "ban-mod", user, "ban evasion");
        assertEquals(ChatUser.PERMANENTLY, forever);
        assertTrue(fx.userNow(user).isBannedPermanently());
        assertRefused("banned", () -> rooms.enter(site, user, star[0]));
        ModerationTrail.Action permanent = trail.actions(site, null, 0, 10).get(0);
        assertTrue(permanent.permanent());
        assertNull(permanent.until());
        assertTrue(trail.bans(site, 0, 10).get(0).permanent());
        assertEquals(3, trail.countActions(site, null));
        assertEquals(2, trail.countActions(site, "BAN"));
    }

    @Test
    void aConsoleKickTakesTheUserOutOfTheRoomAndTheyMayComeBack() {
        long site = fx.site("Kick", CreditRounding.UP);
        long admin = console.account(site, "kick-admin", ConsoleRole.WEBMASTER_ADMIN);
        long[] star = fx.performer(site, "kick-star", 60);
        long user = fx.user(site, "kick-fan", Role.USER, 100);
        long bystander = fx.user(site, "kick-bystander", Role.USER, 100);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, user, star[0]);
        rooms.enter(site, bystander, star[0]);
        long request = rooms.requestPrivate(site, user, star[0]);

        moderation.kick(site, "kick-admin", star[0], user, "rude to the performer");

        assertEquals(List.of(bystander), overview.now(site).get(0).watchers());
        assertEquals(0, overview.now(site).get(0).requests());
        assertEquals(ShowStatus.CANCELLED, fx.find(PrivateShow.class, request).status(), "their request is withdrawn");
        RoomEvent.Kicked kicked = log.of(RoomEvent.Kicked.class, star[0]).get(0);
        assertEquals(user, kicked.userId());
        assertEquals("rude to the performer", kicked.reason());
        ModerationAction recorded = console.trail(site).get(0);
        assertEquals(ModerationKind.KICK, recorded.action());
        assertEquals(admin, recorded.actorAccountId());
        assertEquals(star[0], recorded.performerId());
        assertEquals("kick-star", trail.actions(site, "KICK", 0, 10).get(0).room());
        assertFalse(fx.userNow(user).isBannedAt(Instant.now()), "a kick is no ban");
        assertRefused("not in this room", () -> moderation.kick(site, "kick-admin", star[0], user, "again"));
        rooms.enter(site, user, star[0]);
        assertEquals(1, trail.countActions(site, "KICK"));
    }

    @Test
    void aConsoleStopBillsWhatTheMeterRanAndTheOverviewShowedIt() throws InterruptedException {
        long site = fx.site("Stop", CreditRounding.UP);
        long moderator = console.account(site, "stop-mod", ConsoleRole.MODERATOR);
        long[] star = fx.performer(site, "stop-star", 90);
        long[] quiet = fx.performer(site, "stop-quiet", 60);
        long user = fx.user(site, "stop-fan", Role.USER, 1_000);
        rooms.goOnline(site, quiet[1]);
        assertTrue(overview.now(site).stream().allMatch(room -> room.show() == null));
        long showId = privateShow(site, star, user);
        Thread.sleep(2_300);

        List<LiveOverview.LiveRoom> live = overview.now(site);
        assertEquals(2, live.size());
        LiveOverview.LiveRoom busy = live.get(0);
        assertEquals(star[0], busy.performerId(), "busy rooms first");
        assertEquals("BUSY", busy.status());
        assertEquals("ONLINE", live.get(1).status());
        LiveOverview.Show metered = busy.show();
        assertEquals(showId, metered.showId());
        assertEquals(user, metered.userId());
        assertTrue(metered.metered());
        assertEquals(90, metered.ratePerMinute());
        assertTrue(metered.billedSeconds() >= 2 && metered.billedSeconds() <= 4, "seconds " + metered.billedSeconds());
        assertEquals(CreditRounding.UP.creditsFor(metered.billedSeconds(), 90), metered.creditsSoFar());
        assertEquals(1_000 - metered.creditsSoFar(), metered.remainingCredits());
        assertEquals("stop-star", overview.performerNames(site, Set.of(star[0])).get(star[0]));
        assertEquals("stop-fan", overview.userNames(site, Set.of(user)).get(user));

        assertRefused("give a reason", () -> moderation.stopShow(site, "stop-mod", showId, " "));
        assertEquals(ShowStatus.RUNNING, fx.find(PrivateShow.class, showId).status(), "a refused stop stops nothing");

        RoomEvent.ShowEnded ended = moderation.stopShow(site, "stop-mod", showId, "underage suspicion");

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(ShowStatus.ENDED, show.status());
        assertEquals(EndReason.MODERATOR, show.endReason());
        long ran = Math.min(
                show.coveredSeconds(),
                Duration.between(show.startedAt(), show.endedAt()).toSeconds());
        assertEquals(ran, show.billedSeconds(), "billed exactly what the meter ran");
        assertTrue(show.billedSeconds() >= metered.billedSeconds());
        assertEquals(CreditRounding.UP.creditsFor(show.billedSeconds(), 90), show.creditsCharged());
        assertEquals(show.creditsCharged(), ended.creditsCharged());
        assertEquals(1_000 - show.creditsCharged(), fx.userNow(user).credits());
        assertEquals(0, fx.userNow(user).heldCredits(), "the hold is released");
        assertEquals(1, fx.count("SELECT COUNT(t) FROM Earning t WHERE t.showId = :id", showId));
        assertEquals(1, fx.count("SELECT COUNT(e) FROM LedgerEntry e WHERE e.showId = :id", showId), "charged once");
        assertEquals(1, log.of(RoomEvent.ShowEnded.class, star[0]).size());
        ModerationAction recorded = console.trail(site).get(0);
        assertEquals(ModerationKind.STOP, recorded.action());
        assertEquals(moderator, recorded.actorAccountId());
        assertEquals(user, recorded.targetUserId());
        assertEquals("underage suspicion", recorded.reason());
        assertTrue(overview.now(site).stream().allMatch(room -> room.show() == null), "no show runs any more");
        assertTrue(overview.now(site).stream().allMatch(room -> room.status().equals("ONLINE")));
        assertRefused("not running", () -> moderation.stopShow(site, "stop-mod", showId, "twice"));
        assertClean(site);
    }

    @Test
    void banningAUserInAShowSettlesTheShow() throws InterruptedException {
        long site = fx.site("Ban in show", CreditRounding.UP);
        console.account(site, "show-ban-admin", ConsoleRole.WEBMASTER_ADMIN);
        long[] star = fx.performer(site, "show-ban-star", 60);
        long user = fx.user(site, "show-ban-fan", Role.USER, 500);
        long showId = privateShow(site, star, user);
        Thread.sleep(1_200);

        moderation.ban(site, "show-ban-admin", user, 30, "abusive in private");

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(ShowStatus.ENDED, show.status());
        assertEquals(EndReason.MODERATOR, show.endReason());
        assertEquals(500 - show.creditsCharged(), fx.userNow(user).credits());
        assertEquals(0, fx.userNow(user).heldCredits());
        assertEquals(1, log.of(RoomEvent.Banned.class, star[0]).size());
        assertClean(site);
    }

    @Test
    void staffInARoomStillKickAndBanAsBefore() throws InterruptedException {
        long site = fx.site("Room staff", CreditRounding.UP);
        long[] star = fx.performer(site, "staff-star", 60);
        long staff = fx.user(site, "staff-mia", Role.MODERATOR, 0);
        long watcher = fx.user(site, "staff-watcher", Role.USER, 0);
        long user = fx.user(site, "staff-fan", Role.USER, 500);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, watcher, star[0]);
        liveRooms.room(star[0]).orElseThrow().observe(staff);
        roomModeration.kick(site, staff, star[0], watcher, "off topic");
        assertTrue(overview.now(site).get(0).watchers().isEmpty());

        long showId = rooms.requestPrivate(site, user, star[0]);
        rooms.accept(site, star[1], showId);
        Thread.sleep(1_200);
        roomModeration.ban(site, staff, star[0], user, 60, "abusive in private");

        PrivateShow show = fx.find(PrivateShow.class, showId);
        assertEquals(EndReason.MODERATOR, show.endReason());
        assertEquals(500 - show.creditsCharged(), fx.userNow(user).credits());
        assertTrue(fx.userNow(user).isBannedAt(Instant.now()));
        ModerationAction ban = console.trail(site).get(0);
        assertEquals(staff, ban.actorUserId());
        assertNull(ban.actorAccountId());
        assertEquals("staff-mia", trail.actions(site, "BAN", 0, 10).get(0).actor());
        assertFalse(trail.actions(site, "BAN", 0, 10).get(0).byConsole());
        assertClean(site);
    }

    @Test
    void badInputIsRefusedClearlyAndSavesNothing() {
        long site = fx.site("Bad console input", CreditRounding.UP);
        console.account(site, "bad-mod", ConsoleRole.MODERATOR);
        console.account(site, "bad-accountant", ConsoleRole.ACCOUNTANT);
        long disabled = console.account(site, "bad-disabled", ConsoleRole.MODERATOR);
        console.disable(disabled);
        long[] star = fx.performer(site, "bad-star", 60);
        long user = fx.user(site, "bad-fan", Role.USER, 100);
        long staff = fx.user(site, "bad-staff", Role.MODERATOR, 0);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, user, star[0]);

        assertRefused("give a reason", () -> moderation.ban(site, "bad-mod", user, 60, null));
        assertRefused("give a reason", () -> moderation.ban(site, "bad-mod", user, 60, "   "));
        assertRefused("give a reason", () -> moderation.banPermanently(site, "bad-mod", user, ""));
        assertRefused("at most 200", () -> moderation.ban(site, "bad-mod", user, 60, "x".repeat(201)));
        assertRefused("1 to", () -> moderation.ban(site, "bad-mod", user, 0, "spam"));
        assertRefused("1 to", () -> moderation.ban(site, "bad-mod", user, -5, "spam"));
        assertRefused("1 to", () -> moderation.ban(site, "bad-mod", user, RoomModeration.MAX_MINUTES + 1, "spam"));
        assertRefused("give a reason", () -> moderation.kick(site, "bad-mod", star[0], user, null));
        assertRefused("only users and guests", () -> moderation.ban(site, "bad-mod", staff, 60, "spam"));
        assertRefused("only users and guests", () -> moderation.ban(site, "bad-mod", star[1], 60, "spam"));
        assertThrows(Forbidden.class, () -> moderation.ban(site, "bad-accountant", user, 60, "spam"));
        assertThrows(Forbidden.class, () -> moderation.ban(site, "bad-disabled", user, 60, "spam"));
        assertThrows(Forbidden.class, () -> moderation.ban(site, "nobody-at-all", user, 60, "spam"));
        assertThrows(NotFound.class, () -> moderation.ban(site, "bad-mod", Long.MAX_VALUE, 60, "spam"));
        assertThrows(NotFound.class, () -> moderation.stopShow(site, "bad-mod", Long.MAX_VALUE, "spam"));
        assertThrows(NotFound.class, () -> moderation.kick(site, "bad-mod", Long.MAX_VALUE, user, "spam"));
        assertRefused("no such kind", () -> trail.actions(site, "EXPLODE", 0, 10));

        assertTrue(console.trail(site).isEmpty(), "nothing recorded");
        assertFalse(fx.userNow(user).isBannedAt(Instant.now()), "nobody banned");
        assertEquals(List.of(user), overview.now(site).get(0).watchers(), "nobody taken out");
    }

    @Test
    void anotherSitesConsoleFindsNothingAndChangesNothing() throws InterruptedException {
        long siteA = fx.site("Tenant A", CreditRounding.UP);
        long siteB = fx.site("Tenant B", CreditRounding.UP);
        console.account(siteA, "tenant-a-admin", ConsoleRole.WEBMASTER_ADMIN);
        console.account(siteB, "tenant-b-admin", ConsoleRole.WEBMASTER_ADMIN);
        long[] starB = fx.performer(siteB, "tenant-b-star", 60);
        long userB = fx.user(siteB, "tenant-b-fan", Role.USER, 500);
        long watcherB = fx.user(siteB, "tenant-b-watcher", Role.USER, 0);
        long staffB = fx.user(siteB, "tenant-b-staff", Role.MODERATOR, 0);
        long showB = privateShow(siteB, starB, userB);
        console.watchedTyping(staffB, starB[0]);
        moderation.ban(siteB, "tenant-b-admin", watcherB, 60, "B's own ban");
        badWords.replace(siteB, "gosh");
        int trailB = console.trail(siteB).size();

        String a = "tenant-a-admin";
        assertThrows(NotFound.class, () -> moderation.ban(siteA, a, userB, 60, "cross-site"));
        assertThrows(NotFound.class, () -> moderation.banPermanently(siteA, a, userB, "cross-site"));
        assertThrows(NotFound.class, () -> moderation.unban(siteA, a, watcherB, "cross-site"));
        assertThrows(NotFound.class, () -> moderation.kick(siteA, a, starB[0], userB, "cross-site"));
        assertThrows(NotFound.class, () -> moderation.stopShow(siteA, a, showB, "cross-site"));
        assertThrows(Forbidden.class, () -> moderation.stopShow(siteB, a, showB, "naming the other site"));
        assertThrows(Forbidden.class, () -> moderation.ban(siteB, a, userB, 60, "naming the other site"));
        assertThrows(NotFound.class, () -> overview.show(siteA, showB));
        assertTrue(overview.now(siteA).isEmpty(), "A sees none of B's rooms");
        assertTrue(overview.performerNames(siteA, Set.of(starB[0])).isEmpty());
        assertTrue(overview.userNames(siteA, Set.of(userB)).isEmpty());
        assertEquals(0, trail.countActions(siteA, null));
        assertTrue(trail.actions(siteA, null, 0, 50).isEmpty());
        assertTrue(trail.bans(siteA, 0, 50).isEmpty());
        assertTrue(trail.typingWatches(siteA, 0, 50).isEmpty());
        assertTrue(badWords.of(siteA).isEmpty());

        Thread.sleep(1_100);
        assertEquals(ShowStatus.RUNNING, fx.find(PrivateShow.class, showB).status(), "B's show runs on");
        assertFalse(fx.userNow(userB).isBannedAt(Instant.now()));
        assertTrue(fx.userNow(watcherB).isBannedAt(Instant.now()), "B's ban stands");
        assertEquals(trailB, console.trail(siteB).size(), "nothing recorded on B");
        assertEquals(List.of("gosh"), badWords.of(siteB));
        ModerationTrail.TypingWatch watch = trail.typingWatches(siteB, 0, 10).get(0);
        assertEquals("tenant-b-staff", watch.viewer());
        assertEquals("MODERATOR", watch.viewerRole());
        assertEquals("tenant-b-star", watch.room());
        assertEquals(1, trail.countTypingWatches(siteB));
        assertEquals(showB, overview.show(siteB, showB).showId());
        moderation.stopShow(siteB, "tenant-b-admin", showB, "closing time");
        assertClean(siteB);
    }

    @Test
    void aChangedBadWordListAppliesToTheNextMessage() {
        long site = fx.site("Words", CreditRounding.UP);
        long[] star = fx.performer(site, "words-star", 60);
        long user = fx.user(site, "words-fan", Role.USER, 0);
        rooms.goOnline(site, star[1]);
        rooms.enter(site, user, star[0]);
        assertEquals(
                "oh heck, darn it",
                chat.say(site, user, star[0], "oh heck, darn it").text());

        assertEquals(List.of("heck", "darn"), badWords.replace(site, "Heck\n darn ,heck\n\n"));
        assertEquals(
                "oh ****, **** it",
                chat.say(site, user, star[0], "oh heck, darn it").text());

        assertRefused("one word", () -> badWords.replace(site, "two words"));
        assertRefused("one word", () -> badWords.replace(site, "<script>"));
        String tooMany = IntStream.rangeClosed(0, 500).mapToObj(i -> "w" + i).collect(Collectors.joining("\n"));
        assertRefused("at most 500", () -> badWords.replace(site, tooMany));
        assertEquals(List.of("heck", "darn"), badWords.of(site), "a refused list changes nothing");

        badWords.replace(site, "");
        assertTrue(badWords.of(site).isEmpty());
        assertEquals(
                "oh heck, darn it",
                chat.say(site, user, star[0], "oh heck, darn it").text());
    }

    /** The performer goes online, the user asks for a private show, the performer accepts. */
    private long privateShow(long site, long[] star, long user) {
        rooms.goOnline(site, star[1]);
        long showId = rooms.requestPrivate(site, user, star[0]);
        rooms.accept(site, star[1], showId);
        assertNotNull(fx.find(PrivateShow.class, showId).startedAt());
        return showId;
    }

    private void assertClean(long site) {
        ReconciliationReport report = reconciliation.check(site);
        assertTrue(report.clean(), report.problems()::toString);
    }

    private static void assertRefused(String because, Runnable action) {
        DomainException refused = assertThrows(DomainException.class, action::run);
        assertTrue(refused.getMessage().contains(because), "expected '" + because + "' in: " + refused.getMessage());
    }
}
