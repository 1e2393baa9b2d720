package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ppvchat.accounts.control.ChatTokens;
import ppvchat.accounts.control.HostUsers;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.control.SignInThrottle;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.HostUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
import ppvchat.external.boundary.ExternalWallet;
import ppvchat.external.control.ExternalCallFailed;
import ppvchat.external.control.ExternalRefusal;
import ppvchat.external.control.SiteServers;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.IntegrationMode;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Signing in to a webmaster's chat: registering (embed mode), signing in with a password (users,
 * performers, staff), or entering as a guest with a nickname. Each answers with a short-lived signed token.
 * Failed sign-ins are limited per account and per address, and the answer never says whether the name or
 * the password was wrong.
 */
@Stateless
public class ChatSignIn {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{3,32}");
    private static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,24}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    PasswordHashing passwords;

    @Inject
    ChatTokens tokens;

    @Inject
    TokenHolders holders;

    @Inject
    SignInThrottle throttle;

    @Inject
    Clock clock;

    @Inject
    HostUsers hostUsers;

    @Inject
    SiteServers servers;

    @Inject
    ExternalWallet wallet;

    /** A new user of an embed-mode site, signed in at once. */
    public SignedIn register(long webmasterId, String username, String password, String address) {
        Webmaster site = webmasters.find(webmasterId);
        if (site.mode() != IntegrationMode.EMBED) {
            throw new DomainException("this site signs its users in through its own pages");
        }
        String name = username(username);
        throttle.newIdentity(address);
        if (userNamed(webmasterId, name).isPresent()) {
            throw new DomainException("the username " + name + " is taken");
        }
        ChatUser user = new ChatUser(webmasterId, "chat-" + UUID.randomUUID(), name, Role.USER, clock.instant());
        user.signInWith(passwords.hash(password));
        em.persist(user);
        em.flush();
        return signedIn(user);
    }

    /** Users, performers and staff with a password. */
    public SignedIn signIn(long webmasterId, String username, String password, String address) {
        Webmaster site = webmasters.find(webmasterId);
        throttle.requireSignInAllowed(webmasterId, username, address);
        if (ExternalWallet.keepsCredits(site)) {
            Optional<ChatUser> staff = userNamed(webmasterId, username == null ? "" : username.strip())
                    .filter(u -> u.role() == Role.PERFORMER || u.role() == Role.ADMIN);
            if (staff.isEmpty()) {
                return signedIn(requireEnabled(requireNotBanned(fromSiteServer(site, username, password, address))));
            }
        }
        Optional<ChatUser> user = username == null || username.length() > 64
                ? Optional.empty()
                : userNamed(webmasterId, username.strip());
        if (!passwords.matches(password, user.flatMap(ChatUser::passwordHash))) {
            throttle.failed(webmasterId, username, address);
            throw new NotSignedIn("wrong username or password");
        }
        throttle.succeeded(webmasterId, username);
        return signedIn(requireEnabled(requireNotBanned(user.get())));
    }

    /**
     * External mode: the site's server checks the name and password of its users; performers and admins, who
     * have accounts here, sign in with those.
     */
    private ChatUser fromSiteServer(Webmaster site, String username, String password, String address) {
        if (username == null
                || username.isBlank()
                || username.length() > 64
                || password == null
                || password.isEmpty()) {
            throw new NotSignedIn("wrong username or password");
        }
        HostUser host;
        try {
            ppvchat.external.entity.HostUser answer = servers.of(site).authenticate(username.strip(), password);
            host = HostUser.of(
                    answer.id(), answer.username(), answer.image(), answer.gender(), answer.role(), answer.profile());
        } catch (ExternalRefusal refused) {
            throttle.failed(site.id(), username, address);
            throw new NotSignedIn(
                    refused.status() == 401
                            ? "wrong username or password"
                            : "the site's server refused the sign-in: " + refused.reason());
        } catch (ExternalCallFailed down) {
            throw new DomainException("the site's server does not answer: try again in a moment");
        }
        throttle.succeeded(site.id(), username);
        HostSignIn.requireAllowed(site, host.role());
        return hostUsers.userFor(site.id(), host, clock.instant());
    }

    /** A visitor with a nickname only: the guest role's permissions, a name of their own. */
    public SignedIn enterAsGuest(long webmasterId, String nickname, String address) {
        webmasters.find(webmasterId);
        String nick = requireMatches(nickname, NICKNAME, "a nickname has 2 to 24 letters, digits, '.', '_' or '-'");
        throttle.newIdentity(address);
        String name = nick + "~" + HostUsers.tag();
        while (userNamed(webmasterId, name).isPresent()) {
            name = nick + "~" + HostUsers.tag();
        }
        ChatUser guest = new ChatUser(webmasterId, "guest-" + UUID.randomUUID(), name, Role.GUEST, clock.instant());
        em.persist(guest);
        em.flush();
        return signedIn(guest);
    }

    /** A fresh token for a session whose token is still valid, so that a chat can stay open for hours. */
    public SignedIn refresh(long webmasterId, String token) {
        return signedIn(requireEnabled(requireNotBanned(holders.userOf(webmasterId, token))));
    }

    /** The account a valid token names, with its balance as it stands now. */
    public ChatAccount account(long webmasterId, String token) {
        ChatUser user = holders.userOf(webmasterId, token);
        Webmaster site = webmasters.find(webmasterId);
        if (ExternalWallet.keepsCredits(site) && user.role() != Role.PERFORMER) {
            // Credits live on the site's server; what is here is held for a running show.
            long there = wallet.creditsThere(site, user);
            return new ChatAccount(
                    user.id(), user.username(), user.role().name(), there + user.credits(), there + user.available());
        }
        return new ChatAccount(user.id(), user.username(), user.role().name(), user.credits(), user.available());
    }

    private SignedIn signedIn(ChatUser user) {
        return SignedIn.of(user, tokens.issue(user));
    }

    /** A login name as users and performers get them: stripped, 3 to 32 letters, digits, '.', '_' or '-'. */
    public static String username(String username) {
        return requireMatches(username, USERNAME, "a username has 3 to 32 letters, digits, '.', '_' or '-'");
    }

    /** A performer the site's admins disabled may not sign in, nor keep a session going. */
    private ChatUser requireEnabled(ChatUser user) {
        if (user.role() == Role.PERFORMER) {
            em.createNamedQuery(Performer.OF_USER, Performer.class)
                    .setParameter("webmasterId", user.webmasterId())
                    .setParameter("userId", user.id())
                    .getResultStream()
                    .findFirst()
                    .ifPresent(Performer::requireEnabled);
        }
        return user;
    }

    private ChatUser requireNotBanned(ChatUser user) {
        if (user.isBannedAt(clock.instant())) {
            throw new DomainException("you are banned until " + user.bannedUntil());
        }
        return user;
    }

    private Optional<ChatUser> userNamed(long webmasterId, String username) {
        return em.createNamedQuery(ChatUser.BY_USERNAME, ChatUser.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("username", username.toLowerCase())
                .getResultStream()
                .findFirst();
    }

    private static String requireMatches(String value, Pattern pattern, String rule) {
        String stripped = value == null ? "" : value.strip();
        if (!pattern.matcher(stripped).matches()) {
            throw new DomainException(rule);
        }
        return stripped;
    }
}
