package ppvchat.moderation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.moderation.entity.ModerationAction.Actor;

class ModerationActionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ChatUser target() {
        return TestEntities.user(1L, 20L, Role.USER);
    }

    @Test
    void banBansTheTargetForTheDurationAndRecordsIt() {
        ChatUser target = target();
        Duration day = Duration.ofDays(1);

        ModerationAction ban = ModerationAction.ban(target, day, Actor.user(5), "insults", NOW);

        assertEquals(ModerationKind.BAN, ban.action());
        assertEquals(20L, ban.targetUserId());
        assertEquals(5L, ban.actorUserId());
        assertNull(ban.actorAccountId());
        assertEquals("insults", ban.reason());
        assertEquals(NOW, ban.createdAt());
        assertEquals(NOW.plus(day), ban.expiresAt());
        assertEquals(NOW.plus(day), target.bannedUntil());
        assertEquals("insults", target.banReason());
        assertTrue(target.isBannedAt(NOW));
        assertTrue(target.isBannedAt(NOW.plus(day).minusNanos(1)));
        assertFalse(target.isBannedAt(NOW.plus(day)));
    }

    @Test
    void banNeedsAPositiveDuration() {
        ChatUser target = target();

        assertThrows(
                IllegalArgumentException.class,
                () -> ModerationAction.ban(target, Duration.ZERO, Actor.console(2), "x", NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModerationAction.ban(target, Duration.ofSeconds(-1), Actor.console(2), "x", NOW));
        assertNull(target.bannedUntil());
        assertFalse(target.isBannedAt(NOW));
    }

    @Test
    void unbanLiftsTheBanAndRecordsIt() {
        ChatUser target = target();
        ModerationAction.ban(target, Duration.ofDays(30), Actor.user(5), "spam", NOW);

        ModerationAction unban = ModerationAction.unban(target, Actor.console(2), "appeal", NOW.plusSeconds(60));

        assertEquals(ModerationKind.UNBAN, unban.action());
        assertEquals(2L, unban.actorAccountId());
        assertNull(unban.actorUserId());
        assertNull(unban.expiresAt());
        assertEquals("appeal", unban.reason());
        assertNull(target.bannedUntil());
        assertNull(target.banReason());
        assertFalse(target.isBannedAt(NOW.plusSeconds(61)));
    }

    @Test
    void kickIsRecordedForARoomWithoutBanning() {
        ChatUser target = target();

        ModerationAction kick = ModerationAction.kick(target, 100L, Actor.user(5), "rude", NOW);

        assertEquals(ModerationKind.KICK, kick.action());
        assertEquals(100L, kick.performerId());
        assertNull(kick.expiresAt());
        assertFalse(target.isBannedAt(NOW));
    }

    @Test
    void muteIsRecordedWithItsExpiryWithoutBanning() {
        ChatUser target = target();

        ModerationAction mute = ModerationAction.mute(target, 100L, Duration.ofMinutes(10), Actor.user(5), "caps", NOW);

        assertEquals(ModerationKind.MUTE, mute.action());
        assertEquals(100L, mute.performerId());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), mute.expiresAt());
        assertFalse(target.isBannedAt(NOW));
    }

    @Test
    void muteNeedsAPositiveDuration() {
        ChatUser target = target();

        assertThrows(
                IllegalArgumentException.class,
                () -> ModerationAction.mute(target, 100L, Duration.ZERO, Actor.user(5), "x", NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModerationAction.mute(target, 100L, Duration.ofMinutes(-1), Actor.user(5), "x", NOW));
    }

    @Test
    void actorIsExactlyOneOfUserOrAccount() {
        assertEquals(new Actor(5L, null), Actor.user(5));
        assertEquals(new Actor(null, 2L), Actor.console(2));
        assertThrows(IllegalArgumentException.class, () -> new Actor(null, null));
        assertThrows(IllegalArgumentException.class, () -> new Actor(5L, 2L));
    }
}
