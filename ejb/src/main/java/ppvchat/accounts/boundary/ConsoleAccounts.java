package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.control.SignInThrottle;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;

/** Console sign-ins: who is signed in, and which webmaster's data they may see. */
@Stateless
public class ConsoleAccounts {

    /** The sign-in throttle's namespace for console accounts (no webmaster has the id 0). */
    static final long CONSOLE = 0;

    private static final Logger LOG = Logger.getLogger(ConsoleAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    SignInThrottle throttle;

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

    private Optional<ConsoleAccount> enabled(String username) {
        return em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(ConsoleAccount::enabled)
                .findFirst();
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
