package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.control.SignInThrottle;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/** Console sign-ins: who is signed in, and which webmaster's data they may see. */
@Stateless
public class ConsoleAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,64}");

    /** The sign-in throttle's namespace for console accounts (no webmaster has the id 0). */
    static final long CONSOLE = 0;

    private static final Logger LOG = Logger.getLogger(ConsoleAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    SignInThrottle throttle;

    @Inject
    Clock clock;

    /** Refuses while the account or the address has used up its failed sign-ins (a clear TooManyAttempts). */
    public void requireSignInAllowed(String username, String address) {
        throttle.requireSignInAllowed(CONSOLE, username, address);
    }

    /**
     * The enabled account's role when the password is right, else empty (and a failure counted against the
     * account and the address). A hash weaker than today's (fewer PBKDF2 iterations) is replaced now,
     * while the password is at hand.
     */
    public Optional<ConsoleRole> signIn(String username, String password, String address) {
        requireSignInAllowed(username, address);
        Optional<ConsoleAccount> account = enabled(username);
        if (!hashing.matches(password, account.map(ConsoleAccount::passwordHash))) {
            throttle.failed(CONSOLE, username, address);
            return Optional.empty();
        }
        ConsoleAccount signedIn = account.get();
        if (hashing.isWeak(signedIn.passwordHash())) {
            try {
                em.find(ConsoleAccount.class, signedIn.id(), LockModeType.PESSIMISTIC_WRITE)
                        .changePasswordHash(hashing.hash(password));
                LOG.info(() -> "console account " + username + ": password hash upgraded");
            } catch (DomainException tooShortForToday) {
                LOG.warning(() -> "console account " + username + " has a password shorter than allowed today");
            }
        }
        throttle.succeeded(CONSOLE, username);
        return Optional.of(signedIn.role());
    }

    /** The signed-in account's new password, after its current one; counts a wrong one as a failed sign-in. */
    public void changePassword(String username, String current, String next, String address) {
        requireSignInAllowed(username, address);
        ConsoleAccount account = enabled(username).orElseThrow(() -> new NotFound("no console account " + username));
        if (!hashing.matches(current, Optional.of(account.passwordHash()))) {
            throttle.failed(CONSOLE, username, address);
            throw new DomainException("the current password is not right");
        }
        if (next != null && next.equals(current)) {
            throw new DomainException("the new password must differ from the current one");
        }
        em.find(ConsoleAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE)
                .changePasswordHash(hashing.hash(next));
        LOG.info(() -> "console account " + username + " changed its password");
    }

    /** Whether a signed-in account may go on: still enabled, and its site still running. */
    public boolean mayStillSignIn(String username) {
        return enabled(username).isPresent();
    }

    /** An enabled account of a running site (or a platform admin's). */
    private Optional<ConsoleAccount> enabled(String username) {
        return em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(ConsoleAccount::enabled)
                .filter(account -> account.webmasterId() == null
                        || !em.find(Webmaster.class, account.webmasterId()).disabled())
                .findFirst();
    }

    /** A console account as the site's admins see it. */
    public record Staff(long id, String username, ConsoleRole role, boolean enabled, Instant createdAt) {}

    /** A new console account of a site, signing in with this password; the username is the platform's. */
    public Staff create(long webmasterId, String username, String password, ConsoleRole role) {
        if (role == null || !role.belongsToWebmaster()) {
            throw new DomainException("a site's console account is an admin, a moderator or an accountant");
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainException("a username has 3 to 64 letters, digits, dots, dashes, underscores or @");
        }
        if (em.find(Webmaster.class, webmasterId) == null) {
            throw new NotFound("no webmaster " + webmasterId);
        }
        boolean taken = !em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new DomainException("the username " + username + " is taken");
        }
        ConsoleAccount account =
                new ConsoleAccount(webmasterId, username, hashing.hash(password), role, clock.instant());
        em.persist(account);
        em.flush();
        LOG.info(() -> "console account " + username + " (" + role + ") created for site " + webmasterId);
        return staff(account);
    }

    /** The site's console accounts, by username. */
    public List<Staff> staffOf(long webmasterId) {
        return em.createQuery(
                        "SELECT a FROM ConsoleAccount a WHERE a.webmasterId = :w ORDER BY a.username",
                        ConsoleAccount.class)
                .setParameter("w", webmasterId)
                .getResultStream()
                .map(ConsoleAccounts::staff)
                .toList();
    }

    /** Turns a site's account off or on; an account cannot turn itself off. */
    public void enable(long webmasterId, long accountId, boolean enabled, String actor) {
        ConsoleAccount account = em.find(ConsoleAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.webmasterId() == null || account.webmasterId() != webmasterId) {
            throw new NotFound("no console account " + accountId + " on this site");
        }
        if (!enabled && account.username().equals(actor)) {
            throw new DomainException("you cannot disable the account you are signed in with");
        }
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        LOG.info(() -> "console account " + account.username() + (enabled ? " enabled" : " disabled") + " by " + actor);
    }

    private static Staff staff(ConsoleAccount account) {
        return new Staff(account.id(), account.username(), account.role(), account.enabled(), account.createdAt());
    }

    public ConsoleAccount byUsername(String username) {
        return em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("no console account " + username));
    }

    public long countUsersOf(long webmasterId) {
        return em.createNamedQuery(ChatUser.COUNT_OF_WEBMASTER, Long.class)
                .setParameter("webmasterId", webmasterId)
                .getSingleResult();
    }
}
