package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ppvchat.accounts.control.ChatTokens;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.control.SignInThrottle;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.NotSignedIn;
import ppvchat.accounts.entity.Role;
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
    private static final String TAG_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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
        webmasters.find(webmasterId);
        throttle.requireSignInAllowed(webmasterId, username, address);
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

    /** A visitor with a nickname only: the guest role's permissions, a name of their own. */
    public SignedIn enterAsGuest(long webmasterId, String nickname, String address) {
        webmasters.find(webmasterId);
        String nick = requireMatches(nickname, NICKNAME, "a nickname has 2 to 24 letters, digits, '.', '_' or '-'");
        throttle.newIdentity(address);
        String name = nick + "~" + tag();
        while (userNamed(webmasterId, name).isPresent()) {
            name = nick + "~" + tag();
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

    /** Four letters that tell apart people who chose the same name. */
    static String tag() {
        StringBuilder tag = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            tag.append(TAG_LETTERS.charAt(RANDOM.nextInt(TAG_LETTERS.length())));
        }
        return tag.toString();
    }
}
