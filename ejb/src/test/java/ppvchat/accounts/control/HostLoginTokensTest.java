package ppvchat.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ppvchat.accounts.HostTokens.base64Url;
import static ppvchat.accounts.HostTokens.json;
import static ppvchat.accounts.HostTokens.sign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ppvchat.accounts.entity.Gender;
import ppvchat.accounts.entity.HostUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;

/**
 * Host login tokens as a host site signs them by hand (HMAC-SHA256 over base64url JSON, as the PHP example
 * does): the valid one, and every way one can be wrong.
 */
class HostLoginTokensTest {

    static final long SITE = 7;
    static final String SECRET = "5e0f3c2a9b8d7e6f5e0f3c2a9b8d7e6f5e0f3c2a9b8d7e6f5e0f3c2a9b8d7e6f";
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aValidTokenNamesTheHostsUserWithEverythingTheHostSaid() {
        HostLogin login = HostLoginTokens.verify(sign(claims(), SECRET), SITE, SECRET, NOW);
        assertEquals(
                new HostUser(
                        "u-1001",
                        "Maria Rossi",
                        "https://host.example/avatars/1001.png",
                        Gender.FEMALE,
                        Role.MODERATOR,
                        "https://host.example/users/1001"),
                login.user());
        assertEquals("4f1c0b6e9a2d4e3f8a7b6c5d4e3f2a1b", login.tokenId());
        assertEquals(NOW.plusSeconds(120), login.expiresAt());
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("iat", NOW.minusSeconds(300).getEpochSecond());
        claims.put("exp", NOW.getEpochSecond());
        assertRefused("has expired", sign(claims, SECRET));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = sign(claims(), SECRET);
        String[] parts = token.split("\\.");
        Map<String, Object> changed = claims();
        changed.put("role", "admin");
        String forged = parts[0] + "." + base64Url(json(changed)) + "." + parts[2];
        assertRefused("does not match this site's API secret", forged);
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertRefused("does not match this site's API secret", flipped);
    }

    @Test
    void aTokenForAnotherSiteOrSignedWithAnotherSecretIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("aud", "ppv-chat/8");
        assertRefused("is for another site: its aud must be ppv-chat/7", sign(claims, SECRET));
        assertRefused("does not match this site's API secret", sign(claims(), SECRET.replace('5', '6')));
        claims.remove("aud");
        assertRefused("is for another site", sign(claims, SECRET));
    }

    @Test
    void malformedTokensAreRefusedWithTheirFault() {
        assertRefused("is missing", null);
        assertRefused("is missing", "  ");
        assertRefused("is malformed: expected a JWT", "not-a-token");
        assertRefused("is malformed: expected a JWT", "a.b.c");
        assertRefused("is too long", "x".repeat(9_000));
        assertRefused("must be signed with HS256", noneSigned(claims()));

        Map<String, Object> noExpiry = claims();
        noExpiry.remove("exp");
        assertRefused("must carry iat and exp", sign(noExpiry, SECRET));
        Map<String, Object> noId = claims();
        noId.remove("jti");
        assertRefused("its jti must be", sign(noId, SECRET));
        Map<String, Object> tooLong = claims();
        tooLong.put("exp", NOW.plusSeconds(600).getEpochSecond());
        assertRefused("lives too long: exp may be at most 300 seconds after iat", sign(tooLong, SECRET));
        Map<String, Object> future = claims();
        future.put("iat", NOW.plusSeconds(120).getEpochSecond());
        future.put("exp", NOW.plusSeconds(300).getEpochSecond());
        assertRefused("was issued in the future", sign(future, SECRET));
        Map<String, Object> numericName = claims();
        numericName.put("username", 42);
        assertRefused("username, image, gender, role and profile are strings", sign(numericName, SECRET));
    }

    @Test
    void badClaimsAreRefusedNamingTheField() {
        Map<String, Object> noSubject = claims();
        noSubject.remove("sub");
        assertField("id must be", noSubject);
        Map<String, Object> badImage = claims();
        badImage.put("image", "javascript:alert(1)");
        assertField("image must be an http(s) address", badImage);
        Map<String, Object> badGender = claims();
        badGender.put("gender", "robot");
        assertField("gender must be female, male, couple or other", badGender);
        Map<String, Object> badRole = claims();
        badRole.put("role", "owner");
        assertField("role must be one of guest, user, moderator", badRole);
        Map<String, Object> guestLike = claims();
        guestLike.put("username", "mia~x2");
        assertField("username may not contain '~'", guestLike);
    }

    @Test
    void anEscalatedRoleStillParsesSoThatTheSiteCanRefuseIt() {
        Map<String, Object> admin = claims();
        admin.put("role", "admin");
        assertEquals(
                Role.ADMIN,
                HostLoginTokens.verify(sign(admin, SECRET), SITE, SECRET, NOW)
                        .user()
                        .role());
    }

    @Test
    void aTokenThisServerSignsForAHostVerifiesAndLivesTwoMinutes() {
        HostUser user = HostUser.of("u-2", "bob", null, null, "user", null);
        ChatToken minted = HostLoginTokens.mint(SITE, SECRET, user, NOW);
        assertEquals(NOW.plusSeconds(120), minted.expiresAt());
        HostLogin login = HostLoginTokens.verify(minted.value(), SITE, SECRET, NOW.plusSeconds(119));
        assertEquals(user, login.user());
        assertTrue(login.tokenId().matches("[0-9a-f]{32}"), login.tokenId());
        assertThrows(NotSignedIn.class, () -> HostLoginTokens.verify(minted.value(), 8, SECRET, NOW));
        assertThrows(
                NotSignedIn.class, () -> HostLoginTokens.verify(minted.value(), SITE, SECRET, NOW.plusSeconds(120)));
    }

    private static void assertRefused(String reason, String token) {
        NotSignedIn refused = assertThrows(NotSignedIn.class, () -> HostLoginTokens.verify(token, SITE, SECRET, NOW));
        assertTrue(refused.getMessage().startsWith("the sign-in from your site "), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private static void assertField(String reason, Map<String, Object> claims) {
        DomainException refused = assertThrows(
                DomainException.class, () -> HostLoginTokens.verify(sign(claims, SECRET), SITE, SECRET, NOW));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", "ppv-chat/" + SITE);
        claims.put("sub", "u-1001");
        claims.put("username", "Maria Rossi");
        claims.put("image", "https://host.example/avatars/1001.png");
        claims.put("gender", "female");
        claims.put("role", "moderator");
        claims.put("profile", "https://host.example/users/1001");
        claims.put("iat", NOW.minusSeconds(60).getEpochSecond());
        claims.put("exp", NOW.plusSeconds(120).getEpochSecond());
        claims.put("jti", "4f1c0b6e9a2d4e3f8a7b6c5d4e3f2a1b");
        return claims;
    }

    private static String noneSigned(Map<String, Object> claims) {
        return base64Url("{\"alg\":\"none\"}") + "." + base64Url(json(claims)) + ".";
    }
}
