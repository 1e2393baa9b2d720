package ppvchat.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.ledger.entity.InsufficientCredits;

class ChatUserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ChatUser user() {
        return TestEntities.user(1L, 10L, Role.USER);
    }

    @Test
    void newUserHasNoCreditsNoBanAndUnknownGender() {
        ChatUser user = new ChatUser(7, " ext-1 ", " alice ", Role.USER, NOW);

        assertEquals(7, user.webmasterId());
        assertEquals("ext-1", user.externalId());
        assertEquals("alice", user.username());
        assertEquals(Role.USER, user.role());
        assertEquals(Gender.UNKNOWN, user.gender());
        assertEquals(0, user.credits());
        assertNull(user.bannedUntil());
        assertFalse(user.isBannedAt(NOW));
        assertEquals(NOW, user.createdAt());
    }

    @Test
    void requiresExternalIdUsernameRoleAndTime() {
        assertThrows(IllegalArgumentException.class, () -> new ChatUser(1, " ", "alice", Role.USER, NOW));
        assertThrows(IllegalArgumentException.class, () -> new ChatUser(1, null, "alice", Role.USER, NOW));
        assertThrows(IllegalArgumentException.class, () -> new ChatUser(1, "e", "", Role.USER, NOW));
        assertThrows(NullPointerException.class, () -> new ChatUser(1, "e", "alice", null, NOW));
        assertThrows(NullPointerException.class, () -> new ChatUser(1, "e", "alice", Role.USER, null));
    }

    @Test
    void isBannedUntilButNotAtTheEndOfTheBan() {
        ChatUser user = user();
        Instant until = NOW.plus(Duration.ofHours(1));

        user.ban(until, "spam");

        assertEquals(until, user.bannedUntil());
        assertEquals("spam", user.banReason());
        assertTrue(user.isBannedAt(NOW));
        assertTrue(user.isBannedAt(until.minusNanos(1)));
        assertFalse(user.isBannedAt(until));
        assertFalse(user.isBannedAt(until.plusNanos(1)));
    }

    @Test
    void aBanInThePastDoesNotApply() {
        ChatUser user = user();

        user.ban(NOW.minusSeconds(1), "old");

        assertFalse(user.isBannedAt(NOW));
    }

    @Test
    void aNewBanReplacesTheOldOne() {
        ChatUser user = user();
        user.ban(NOW.plus(Duration.ofDays(7)), "first");

        user.ban(NOW.plus(Duration.ofMinutes(5)), "second");

        assertEquals("second", user.banReason());
        assertTrue(user.isBannedAt(NOW.plus(Duration.ofMinutes(4))));
        assertFalse(user.isBannedAt(NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void unbanLiftsTheBanAndItsReason() {
        ChatUser user = user();
        user.ban(NOW.plus(Duration.ofDays(1)), "abuse");

        user.unban();

        assertFalse(user.isBannedAt(NOW));
        assertNull(user.bannedUntil());
        assertNull(user.banReason());
    }

    @Test
    void banNeedsAnEnd() {
        ChatUser user = user();

        assertThrows(NullPointerException.class, () -> user.ban(null, "forever?"));
        assertFalse(user.isBannedAt(NOW));
    }

    @Test
    void ledgerAmountsMoveTheBalance() {
        ChatUser user = user();

        assertEquals(100, user.applyLedgerAmount(100));
        assertEquals(60, user.applyLedgerAmount(-40));
        assertEquals(0, user.applyLedgerAmount(-60));
        assertEquals(0, user.credits());
    }

    @Test
    void ledgerAmountsNeverTakeTheBalanceBelowZero() {
        ChatUser user = user();
        user.applyLedgerAmount(50);

        assertThrows(InsufficientCredits.class, () -> user.applyLedgerAmount(-51));
        assertEquals(50, user.credits());

        assertThrows(InsufficientCredits.class, () -> user.applyLedgerAmount(Long.MIN_VALUE + 1));
        assertEquals(50, user.credits());
    }

    @Test
    void ledgerAmountsNeverOverflow() {
        ChatUser user = user();
        user.applyLedgerAmount(Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> user.applyLedgerAmount(1));
        assertEquals(Long.MAX_VALUE, user.credits());
    }

    @Test
    void describeAndChangeRole() {
        ChatUser user = user();

        user.describe(Gender.FEMALE, "https://cdn.example/a.png", "https://shop.example/u/10");
        user.changeRole(Role.MODERATOR);

        assertEquals(Gender.FEMALE, user.gender());
        assertEquals("https://cdn.example/a.png", user.avatarUrl());
        assertEquals("https://shop.example/u/10", user.profileUrl());
        assertEquals(Role.MODERATOR, user.role());
        assertThrows(NullPointerException.class, () -> user.changeRole(null));
        assertThrows(NullPointerException.class, () -> user.describe(null, null, null));
        assertEquals(Role.MODERATOR, user.role());
        assertEquals(Gender.FEMALE, user.gender());
    }

    @Test
    void equalityIsById() {
        ChatUser a = TestEntities.user(1L, 10L, Role.USER);
        ChatUser sameId = TestEntities.user(1L, 10L, Role.PERFORMER);
        ChatUser other = TestEntities.user(1L, 11L, Role.USER);

        assertEquals(a, sameId);
        assertEquals(a.hashCode(), sameId.hashCode());
        assertFalse(a.equals(other));
        assertFalse(new ChatUser(1, "e", "x", Role.USER, NOW).equals(new ChatUser(1, "e", "x", Role.USER, NOW)));
    }

    @Test
    void aUserEqualsItselfBeforeItIsPersisted() {
        ChatUser unsaved = new ChatUser(1, "e", "x", Role.USER, NOW);

        assertEquals(unsaved, unsaved);
        assertTrue(List.of(unsaved).contains(unsaved));
    }
}
