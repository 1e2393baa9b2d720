package ppvchat.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ppvchat.accounts.boundary.ChatSignIn;
import ppvchat.accounts.boundary.HostSignIn;
import ppvchat.accounts.boundary.SignedIn;
import ppvchat.accounts.control.ChatToken;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
import ppvchat.persistence.TestDatabase;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.control.RequestSignature;

/**
 * Sign-in from the host site on a real Payara Micro, against H2 and MariaDB: a host login token signs its
 * user in once, the same host user is always the same chat user, roles stay within what the site allows,
 * and the server-to-server call is checked byte for byte before it is read.
 */
@ExtendWith(ArquillianExtension.class)
class HostSignInIT {

    static final String SECRET = "9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c9c1e5a7b3d2f4e6a8b0c1d2e3f4a5b6c";

    @Deployment
    static WebArchive deployment() {
        TestDatabase.resetIfAsked();
        File[] libraries = new File(System.getProperty("ppv.it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "host-sign-in-it.war")
                .addAsLibrary(new File(System.getProperty("ppv.it.jar")))
                .addAsLibraries(Objects.requireNonNull(libraries))
                .addClasses(HostSignInIT.class, HostFixtures.class, HostTokens.class, TestDatabase.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    HostSignIn hostSignIn;

    @Inject
    ChatSignIn chatSignIn;

    @Inject
    HostFixtures fx;

    @Test
    void theHostsUserArrivesSignedInAndIsAlwaysTheSameChatUser() {
        long site = fx.site("Host users", SECRET);
        Map<String, Object> claims = HostTokens.claims(site, "u-1001", "Maria Rossi", "user", Instant.now());
        claims.put("image", "https://host.example/a/1001.png");
        claims.put("gender", "female");
        claims.put("profile", "https://host.example/u/1001");
        SignedIn first = hostSignIn.redeem(site, HostTokens.sign(claims, SECRET));
        assertEquals("Maria Rossi", first.username());
        assertEquals("USER", first.role());
        assertEquals(site, first.webmasterId());
        assertEquals(
                new HostFixtures.Stored(
                        first.userId(),
                        "Maria Rossi",
                        "USER",
                        "FEMALE",
                        "https://host.example/a/1001.png",
                        "https://host.example/u/1001"),
                fx.user(first.userId()));
        assertEquals(first.userId(), chatSignIn.account(site, first.token()).userId(), "the chat token works");

        Map<String, Object> later = HostTokens.claims(site, "u-1001", "Maria R", "user", Instant.now());
        later.put("gender", "other");
        SignedIn second = hostSignIn.redeem(site, HostTokens.sign(later, SECRET));
        assertEquals(first.userId(), second.userId(), "the same host user is the same chat user");
        assertEquals(
                new HostFixtures.Stored(first.userId(), "Maria R", "USER", "OTHER", null, null),
                fx.user(first.userId()),
                "the name, picture, gender and profile follow the host");
        assertEquals(1, fx.usersWithExternalId(site, "u-1001"));
    }

    @Test
    void aTokenSignsInOnceAndARefusedOneIsNotSpent() {
        long site = fx.site("One use", SECRET);
        String token = HostTokens.sign(HostTokens.claims(site, "u-7", "Olga", "user", Instant.now()), SECRET);
        hostSignIn.redeem(site, token);
        NotSignedIn replayed = assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, token));
        assertEquals(
                "the sign-in from your site was already used: reload the page for a new one", replayed.getMessage());
        assertEquals(1, fx.usedTokens(site));

        String moderator =
                HostTokens.sign(HostTokens.claims(site, "u-8", "Mod Max", "moderator", Instant.now()), SECRET);
        Forbidden refused = assertThrows(Forbidden.class, () -> hostSignIn.redeem(site, moderator));
        assertTrue(refused.getMessage().contains("as moderator"), refused.getMessage());
        assertTrue(refused.getMessage().contains("\"Sign-in from your site\""), refused.getMessage());
        assertEquals(0, fx.usersWithExternalId(site, "u-8"), "a refused sign-in makes no one");
        assertEquals(1, fx.usedTokens(site), "and does not spend the token");

        fx.allow(site, EnumSet.of(Role.USER, Role.MODERATOR));
        assertEquals("MODERATOR", hostSignIn.redeem(site, moderator).role());
    }

    @Test
    void anEscalatedRoleIsRefusedWhateverTheSiteAllows() {
        long site = fx.site("No admins", SECRET);
        fx.allow(site, EnumSet.of(Role.GUEST, Role.USER, Role.MODERATOR));
        String admin = HostTokens.sign(HostTokens.claims(site, "u-1", "Root", "admin", Instant.now()), SECRET);
        Forbidden refused = assertThrows(Forbidden.class, () -> hostSignIn.redeem(site, admin));
        assertTrue(refused.getMessage().contains("admin is never allowed"), refused.getMessage());
        assertThrows(DomainException.class, () -> fx.allow(site, Set.of(Role.ADMIN)));
        assertThrows(DomainException.class, () -> fx.allow(site, Set.of(Role.PERFORMER)));

        long performer = fx.localUser(site, "u-perf", "Luna", Role.PERFORMER);
        String asUser = HostTokens.sign(HostTokens.claims(site, "u-perf", "Luna", "user", Instant.now()), SECRET);
        Forbidden performerRefused = assertThrows(Forbidden.class, () -> hostSignIn.redeem(site, asUser));
        assertTrue(performerRefused.getMessage().contains("signs in with a password"));
        assertEquals("PERFORMER", fx.user(performer).role(), "the host cannot demote or take over a performer");
    }

    @Test
    void tokensOfAnotherSiteForgedOrExpiredAreRefused() {
        long site = fx.site("Mine", SECRET);
        long other = fx.site("Theirs", SECRET.replace('9', '8'));
        String theirs = HostTokens.sign(
                HostTokens.claims(other, "u-1", "Visitor", "user", Instant.now()), SECRET.replace('9', '8'));
        assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, theirs));
        String signedWithTheirSecretForMe = HostTokens.sign(
                HostTokens.claims(site, "u-1", "Visitor", "user", Instant.now()), SECRET.replace('9', '8'));
        NotSignedIn forged = assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, signedWithTheirSecretForMe));
        assertTrue(forged.getMessage().contains("does not match this site's API secret"), forged.getMessage());
        Map<String, Object> old =
                HostTokens.claims(site, "u-1", "Visitor", "user", Instant.now().minusSeconds(600));
        assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, HostTokens.sign(old, SECRET)));
        assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, "eyJhbGciOiJIUzI1NiJ9.e30.x"));
        assertEquals(0, fx.usersWithExternalId(site, "u-1"));

        long noSecret = fx.siteWithoutSecret("No secret");
        NotSignedIn unset = assertThrows(
                NotSignedIn.class,
                () -> hostSignIn.redeem(
                        noSecret,
                        HostTokens.sign(HostTokens.claims(noSecret, "u-1", "Visitor", "user", Instant.now()), SECRET)));
        assertTrue(unset.getMessage().contains("no API secret yet"), unset.getMessage());

        fx.disable(site);
        assertThrows(
                NotFound.class,
                () -> hostSignIn.redeem(
                        site, HostTokens.sign(HostTokens.claims(site, "u-2", "Late", "user", Instant.now()), SECRET)));
    }

    @Test
    void aNameSomeoneHereHasGetsATagAndABannedHostUserStaysOut() {
        long site = fx.site("Names", SECRET);
        fx.localUser(site, "chat-local", "Nina", Role.USER);
        SignedIn nina = hostSignIn.redeem(
                site, HostTokens.sign(HostTokens.claims(site, "u-5", "nina", "user", Instant.now()), SECRET));
        assertTrue(nina.username().matches("nina~[a-z2-9]{4}"), nina.username());

        fx.ban(nina.userId());
        Forbidden banned = assertThrows(
                Forbidden.class,
                () -> hostSignIn.redeem(
                        site, HostTokens.sign(HostTokens.claims(site, "u-5", "nina", "user", Instant.now()), SECRET)));
        assertTrue(banned.getMessage().startsWith("you are banned until"), banned.getMessage());
    }

    @Test
    void theHostsServerGetsALoginTokenOverASignedCall() {
        long site = fx.site("Server to server", SECRET);
        byte[] body = "{\"id\":\"u-42\",\"username\":\"Paul\",\"gender\":\"male\",\"role\":\"user\"}"
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        ChatToken login =
                hostSignIn.signLogin(site, Long.toString(now), RequestSignature.sign(SECRET, now, body), body);
        assertTrue(login.expiresAt().isBefore(Instant.now().plusSeconds(121)));
        SignedIn paul = hostSignIn.redeem(site, login.value());
        assertEquals("Paul", paul.username());
        assertEquals("MALE", fx.user(paul.userId()).gender());
        assertThrows(NotSignedIn.class, () -> hostSignIn.redeem(site, login.value()), "once");

        NotSignedIn unsigned = assertThrows(
                NotSignedIn.class,
                () -> hostSignIn.signLogin(
                        site, Long.toString(now), RequestSignature.sign("x" + SECRET, now, body), body));
        assertTrue(unsigned.getMessage().contains("X-PPV-Signature"), unsigned.getMessage());
        byte[] changed =
                "{\"id\":\"u-42\",\"username\":\"Paul\",\"role\":\"moderator\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(
                NotSignedIn.class,
                () -> hostSignIn.signLogin(
                        site, Long.toString(now), RequestSignature.sign(SECRET, now, body), changed));
        long stale = now - 600;
        assertThrows(
                NotSignedIn.class,
                () -> hostSignIn.signLogin(
                        site, Long.toString(stale), RequestSignature.sign(SECRET, stale, body), body));

        byte[] notJson = "id=u-42".getBytes(StandardCharsets.UTF_8);
        DomainException malformed = assertThrows(
                DomainException.class,
                () -> hostSignIn.signLogin(
                        site, Long.toString(now), RequestSignature.sign(SECRET, now, notJson), notJson));
        assertTrue(malformed.getMessage().contains("JSON object"), malformed.getMessage());
        byte[] admin = "{\"id\":\"u-1\",\"username\":\"Root\",\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(
                Forbidden.class,
                () -> hostSignIn.signLogin(site, Long.toString(now), RequestSignature.sign(SECRET, now, admin), admin));
        assertNotEquals(0, paul.userId());
    }
}
