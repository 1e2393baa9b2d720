package ppvchat.ledger.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;

class LedgerEntryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<EntryKind> DEBITS =
            List.of(EntryKind.SHOW_CHARGE, EntryKind.TIP, EntryKind.REFUND, EntryKind.REVERSAL);

    private static ChatUser userWith(long credits) {
        ChatUser user = TestEntities.user(3L, 42L, Role.USER);
        if (credits > 0) {
            user.applyLedgerAmount(credits);
        }
        return user;
    }

    @Test
    void purchasePostsAndMovesTheBalance() {
        ChatUser user = userWith(0);

        LedgerEntry entry = LedgerEntry.post(user, EntryKind.PURCHASE, 600, "paypal:TXN1", NOW);

        assertEquals(3L, entry.webmasterId());
        assertEquals(42L, entry.userId());
        assertEquals(EntryKind.PURCHASE, entry.kind());
        assertEquals(600, entry.credits());
        assertEquals(600, entry.balanceAfter());
        assertEquals(600, user.credits());
        assertEquals("paypal:TXN1", entry.idempotencyKey());
        assertEquals(NOW, entry.createdAt());
        assertNull(entry.actor());
        assertNull(entry.reason());
    }

    @Test
    void balanceAfterFollowsEverySuccessiveEntry() {
        ChatUser user = userWith(0);

        LedgerEntry purchase = LedgerEntry.post(user, EntryKind.PURCHASE, 100, "k1", NOW);
        LedgerEntry tip = LedgerEntry.post(user, EntryKind.TIP, -30, "k2", NOW);
        LedgerEntry charge = LedgerEntry.post(user, EntryKind.SHOW_CHARGE, -70, "k3", NOW);

        assertEquals(100, purchase.balanceAfter());
        assertEquals(70, tip.balanceAfter());
        assertEquals(0, charge.balanceAfter());
        assertEquals(charge.balanceAfter(), user.credits());
    }

    @Test
    void debitsPostWithANegativeAmount() {
        for (EntryKind kind : DEBITS) {
            ChatUser user = userWith(100);

            LedgerEntry entry = LedgerEntry.post(user, kind, -25, "k-" + kind, NOW);

            assertEquals(-25, entry.credits(), kind.name());
            assertEquals(75, entry.balanceAfter(), kind.name());
            assertEquals(75, user.credits(), kind.name());
        }
    }

    @Test
    void purchaseMustBePositive() {
        ChatUser user = userWith(100);

        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, EntryKind.PURCHASE, 0, "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, EntryKind.PURCHASE, -10, "k", NOW));
        assertEquals(100, user.credits());
    }

    @Test
    void debitsMustBeNegative() {
        for (EntryKind kind : DEBITS) {
            ChatUser user = userWith(100);

            assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, kind, 10, "k", NOW), kind.name());
            assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, kind, 0, "k", NOW), kind.name());
            assertEquals(100, user.credits(), kind.name());
        }
    }

    @Test
    void adjustmentsCannotBePostedWithoutActorAndReason() {
        ChatUser user = userWith(100);

        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, EntryKind.ADJUSTMENT, 10, "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.post(user, EntryKind.ADJUSTMENT, -10, "k", NOW));
        assertEquals(100, user.credits());
    }

    @Test
    void adjustGoesEitherWayAndRecordsWhoAndWhy() {
        ChatUser user = userWith(100);

        LedgerEntry up = LedgerEntry.adjust(user, 50, " alice ", " goodwill ", "adj-1", NOW);
        LedgerEntry down = LedgerEntry.adjust(user, -120, "bob", "double purchase", "adj-2", NOW);

        assertEquals(EntryKind.ADJUSTMENT, up.kind());
        assertEquals(150, up.balanceAfter());
        assertEquals("alice", up.actor());
        assertEquals("goodwill", up.reason());
        assertEquals(30, down.balanceAfter());
        assertEquals("bob", down.actor());
        assertEquals("double purchase", down.reason());
        assertEquals(30, user.credits());
    }

    @Test
    void adjustRequiresActorReasonAndANonZeroAmount() {
        ChatUser user = userWith(100);

        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.adjust(user, 10, null, "why", "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.adjust(user, 10, "  ", "why", "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.adjust(user, 10, "alice", null, "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.adjust(user, 10, "alice", "", "k", NOW));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.adjust(user, 0, "alice", "why", "k", NOW));
        assertEquals(100, user.credits());
    }

    @Test
    void aDebitLargerThanTheBalanceIsRefusedAndChangesNothing() {
        ChatUser user = userWith(100);

        assertThrows(InsufficientCredits.class, () -> LedgerEntry.post(user, EntryKind.TIP, -101, "k", NOW));
        assertThrows(InsufficientCredits.class, () -> LedgerEntry.post(user, EntryKind.SHOW_CHARGE, -500, "k", NOW));
        assertThrows(InsufficientCredits.class, () -> LedgerEntry.adjust(user, -101, "alice", "fix", "k", NOW));
        assertEquals(100, user.credits());

        LedgerEntry all = LedgerEntry.post(user, EntryKind.TIP, -100, "k", NOW);
        assertEquals(0, all.balanceAfter());
    }

    @Test
    void missingKeyOrTimeLeavesTheBalanceUnchanged() {
        ChatUser user = userWith(100);

        assertThrows(NullPointerException.class, () -> LedgerEntry.post(user, EntryKind.TIP, -10, null, NOW));
        assertThrows(NullPointerException.class, () -> LedgerEntry.post(user, EntryKind.TIP, -10, "k", null));
        assertEquals(100, user.credits());
    }

    @Test
    void referencesAreRecorded() {
        ChatUser user = userWith(100);

        LedgerEntry entry = LedgerEntry.post(user, EntryKind.SHOW_CHARGE, -10, "show:9", NOW)
                .forShow(9);

        assertEquals(9L, entry.showId());
    }

    @Test
    void kindsHaveAFixedDirection() {
        assertTrue(EntryKind.PURCHASE.accepts(1));
        assertFalse(EntryKind.PURCHASE.accepts(0));
        assertFalse(EntryKind.PURCHASE.accepts(-1));
        for (EntryKind kind : DEBITS) {
            assertTrue(kind.accepts(-1), kind.name());
            assertFalse(kind.accepts(0), kind.name());
            assertFalse(kind.accepts(1), kind.name());
        }
        assertTrue(EntryKind.ADJUSTMENT.accepts(1));
        assertTrue(EntryKind.ADJUSTMENT.accepts(-1));
        assertFalse(EntryKind.ADJUSTMENT.accepts(0));

        assertTrue(EntryKind.SHOW_CHARGE.isSpend());
        assertTrue(EntryKind.TIP.isSpend());
        assertFalse(EntryKind.PURCHASE.isSpend());
        assertFalse(EntryKind.REFUND.isSpend());
        assertFalse(EntryKind.REVERSAL.isSpend());
        assertFalse(EntryKind.ADJUSTMENT.isSpend());
    }
}
