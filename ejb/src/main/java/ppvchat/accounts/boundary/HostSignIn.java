package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import ppvchat.accounts.control.ChatToken;
import ppvchat.accounts.control.ChatTokens;
import ppvchat.accounts.control.HostLogin;
import ppvchat.accounts.control.HostLoginTokens;
import ppvchat.accounts.control.HostUsers;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.HostLoginUse;
import ppvchat.accounts.entity.HostUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.ApiSecrets;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.control.RequestSignature;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Sign-in from the host site (auto-login): the site's own server vouches for its signed-in user with a host
 * login token, and the browser trades that token, once, for a chat token. The host's id of the user is the
 * chat user's external id, so the same host user is always the same chat user; name, picture, gender,
 * profile and role follow what the host says at each sign-in, within the roles the site allows.
 */
@Stateless
public class HostSignIn {

    /** The user JSON a host's server posts to have a login token signed for it. */
    public record HostUserJson(String id, String username, String image, String gender, String role, String profile) {}

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int MAX_BODY = 4_096;

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    ApiSecrets secrets;

    @Inject
    ChatTokens tokens;

    @Inject
    HostUsers hostUsers;

    @Inject
    Clock clock;

    /** Trades a host login token for a chat session; each token works once. */
    public SignedIn redeem(long webmasterId, String token) {
        Webmaster site = webmasters.find(webmasterId);
        Instant now = clock.instant();
        HostLogin login = HostLoginTokens.verify(token, webmasterId, secretOf(site), now);
        requireAllowed(site, login.user().role());
        consume(webmasterId, login, now);
        ChatUser user = hostUsers.userFor(webmasterId, login.user(), now);
        if (user.isBannedAt(now)) {
            throw new Forbidden("you are banned until " + user.bannedUntil());
        }
        return SignedIn.of(user, tokens.issue(user));
    }

    /**
     * A login token signed for the host's server, which posted its user as JSON in a call signed with the
     * site's API secret ({@link RequestSignature}); the body is checked byte for byte before it is read.
     */
    public ChatToken signLogin(long webmasterId, String timestamp, String signature, byte[] body) {
        Webmaster site = webmasters.find(webmasterId);
        String secret = secretOf(site);
        Instant now = clock.instant();
        if (body == null || body.length > MAX_BODY) {
            throw new DomainException("the body must be the user as JSON, at most " + MAX_BODY + " bytes");
        }
        if (!RequestSignature.verify(secret, timestamp, signature, body, now)) {
            throw new NotSignedIn("the call is not signed with this site's API secret: send "
                    + RequestSignature.TIMESTAMP_HEADER + " (Unix seconds, within 5 minutes) and "
                    + RequestSignature.SIGNATURE_HEADER + ": v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body))");
        }
        HostUser user = parse(body);
        requireAllowed(site, user.role());
        return HostLoginTokens.mint(webmasterId, secret, user, now);
    }

    private static HostUser parse(byte[] body) {
        HostUserJson json;
        try {
            json = JSON.fromJson(new String(body, StandardCharsets.UTF_8), HostUserJson.class);
        } catch (JsonbException e) {
            throw new DomainException(
                    "the body must be the user as a JSON object: id, username, image, gender, role, profile");
        }
        if (json == null) {
            throw new DomainException("the body must be the user as a JSON object");
        }
        return HostUser.of(json.id(), json.username(), json.image(), json.gender(), json.role(), json.profile());
    }

    private String secretOf(Webmaster site) {
        return secrets.secretOf(site.id())
                .orElseThrow(() -> new NotSignedIn("this site has no API secret yet: its admin creates one in the"
                        + " console's Settings, and its server signs with it"));
    }

    static void requireAllowed(Webmaster site, Role role) {
        if (!site.allowsHostLoginAs(role)) {
            throw new Forbidden("this site does not let its own server sign users in as "
                    + role.name().toLowerCase() + ": its admin allows that role under \"Sign-in from your site\""
                    + " in the console's Settings" + (role == Role.ADMIN ? " (admin is never allowed)" : ""));
        }
    }

    /** Marks the token used; a second use is refused, on this node or any other (the key is the row's). */
    private void consume(long webmasterId, HostLogin login, Instant now) {
        em.createNamedQuery(HostLoginUse.DELETE_EXPIRED)
                .setParameter("webmasterId", webmasterId)
                .setParameter("now", now)
                .executeUpdate();
        if (em.find(HostLoginUse.class, HostLoginUse.keyOf(webmasterId, login.tokenId())) != null) {
            throw new NotSignedIn("the sign-in from your site was already used: reload the page for a new one");
        }
        em.persist(new HostLoginUse(webmasterId, login.tokenId(), login.expiresAt()));
        em.flush();
    }
}
