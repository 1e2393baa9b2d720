package ppvchat.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HASH = "PBKDF2WithHmacSHA256:3072:c2FsdA==:aGFzaA==";

    @Test
    void platformAdminBelongsToNoWebmaster() {
        ConsoleAccount admin = new ConsoleAccount(null, "root", HASH, ConsoleRole.PLATFORM_ADMIN, NOW);

        assertNull(admin.webmasterId());
        assertEquals(ConsoleRole.PLATFORM_ADMIN, admin.role());
        assertEquals("root", admin.username());
        assertTrue(admin.enabled());
    }

    @Test
    void platformAdminWithAWebmasterIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ConsoleAccount(1L, "root", HASH, ConsoleRole.PLATFORM_ADMIN, NOW));
    }

    @Test
    void everyOtherRoleNeedsAWebmaster() {
        for (ConsoleRole role : ConsoleRole.values()) {
            if (role == ConsoleRole.PLATFORM_ADMIN) {
                continue;
            }
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new ConsoleAccount(null, "staff", HASH, role, NOW),
                    role.name());
            ConsoleAccount account = new ConsoleAccount(3L, "staff", HASH, role, NOW);
            assertEquals(3L, account.webmasterId());
            assertEquals(role, account.role());
        }
    }

    @Test
    void onlyPlatformAdminBelongsToNoWebmaster() {
        assertFalse(ConsoleRole.PLATFORM_ADMIN.belongsToWebmaster());
        assertTrue(ConsoleRole.WEBMASTER_ADMIN.belongsToWebmaster());
        assertTrue(ConsoleRole.MODERATOR.belongsToWebmaster());
        assertTrue(ConsoleRole.ACCOUNTANT.belongsToWebmaster());
    }

    @Test
    void requiresUsernameHashAndTime() {
        assertThrows(
                NullPointerException.class, () -> new ConsoleAccount(1L, null, HASH, ConsoleRole.WEBMASTER_ADMIN, NOW));
        assertThrows(
                NullPointerException.class,
                () -> new ConsoleAccount(1L, "staff", null, ConsoleRole.WEBMASTER_ADMIN, NOW));
        assertThrows(
                NullPointerException.class,
                () -> new ConsoleAccount(1L, "staff", HASH, ConsoleRole.WEBMASTER_ADMIN, null));
    }

    @Test
    void canBeDisabled() {
        ConsoleAccount account = new ConsoleAccount(1L, "staff", HASH, ConsoleRole.ACCOUNTANT, NOW);

        account.disable();

        assertFalse(account.enabled());
        assertThrows(NullPointerException.class, () -> account.changePasswordHash(null));
    }
}
