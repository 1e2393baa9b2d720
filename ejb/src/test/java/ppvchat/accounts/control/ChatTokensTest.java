package ppvchat.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.TestEntities;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;

class ChatTokensTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    ChatTokens tokens;
    ChatUser mia;

    @BeforeEach
    void setUp() {
        tokens = tokens(KEY);
        mia = TestEntities.withId(new ChatUser(7, "ext-mia", "mia", Role.MODERATOR, NOW), 42);
    }

    static ChatTokens tokens(String key) {
        ChatTokens tokens = new ChatTokens();
        tokens.configuredKey = Optional.of(key);
        tokens.ttlSeconds = 900;
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tokens.loadKey();
        return tokens;
    }

    @Test
    void aTokenNamesItsSiteUserRoleAndExpiry() {
        ChatToken token = tokens.issue(mia);
        ChatIdentity identity = tokens.verify(token.value(), 7);

        assertEquals(new ChatIdentity(7, 42, Role.MODERATOR, "mia", NOW.plusSeconds(900)), identity);
        assertEquals(NOW.plusSeconds(900), token.expiresAt());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(mia).value();
        tokens.clock = Clock.fixed(NOW.plusSeconds(900), ZoneOffset.UTC);

        NotSignedIn refused = assertThrows(NotSignedIn.class, () -> tokens.verify(token, 7));
        assertEquals("the token has expired: sign in again", refused.getMessage());
    }

    @Test
    void aTokenOfAnotherSiteIsRefused() {
        String token = tokens.issue(mia).value();
        NotSignedIn refused = assertThrows(NotSignedIn.class, () -> tokens.verify(token, 8));
        assertEquals("the token belongs to another site", refused.getMessage());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = tokens.issue(mia).value().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"MODERATOR\"", "\"ADMIN\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThrows(NotSignedIn.class, () -> tokens.verify(forged, 7));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrNoneIsRefused() {
        String key = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());
        String foreign = tokens(key).issue(mia).value();
        assertThrows(NotSignedIn.class, () -> tokens.verify(foreign, 7));

        String[] parts = tokens.issue(mia).value().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThrows(NotSignedIn.class, () -> tokens.verify(none + "." + parts[1] + ".", 7));
    }

    @Test
    void garbageIsRefusedWithoutAStackTrace() {
        for (String garbage : new String[] {null, "", "abc", "a.b.c", "x".repeat(5_000)}) {
            assertThrows(NotSignedIn.class, () -> tokens.verify(garbage, 7), String.valueOf(garbage));
        }
    }

    @Test
    void aShortOrMalformedKeyStopsTheStart() {
        String shortKey = Base64.getEncoder().encodeToString("too short".getBytes());
        assertThrows(IllegalStateException.class, () -> tokens(shortKey));
        assertThrows(IllegalStateException.class, () -> tokens("not base64 !!"));
    }
}
