package ppvchat.ledger.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.ledger.entity.LedgerEntry;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;

/**
 * Moves credits, always inside the caller's transaction. Every change first locks the user's row
 * ({@code SELECT … FOR UPDATE}), so changes to one balance are serialized even under MariaDB's
 * REPEATABLE READ, then posts one entry and moves the cached balance with it.
 */
@ApplicationScoped
public class Ledger {

    @PersistenceContext
    EntityManager em;

    @Inject
    CreditsElsewhere elsewhere;

    @Inject
    Clock clock;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Event<CreditsChanged> creditsChanged;

    /** The user, locked until the transaction ends; another webmaster's user is not found. */
    public ChatUser lockUser(long webmasterId, long userId) {
        ChatUser user = em.find(ChatUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.webmasterId() != webmasterId) {
            throw new NotFound("no user " + userId);
        }
        return user;
    }

    /** The entry already posted under this key, if any; call after {@link #lockUser} to see the latest. */
    public Optional<LedgerEntry> posted(long webmasterId, String key) {
        return em.createNamedQuery(LedgerEntry.BY_KEY, LedgerEntry.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /**
     * Posts once per key: a replay of the same change returns the entry posted the first time; the same
     * key for a different change is refused.
     */
    public LedgerEntry post(ChatUser lockedUser, EntryKind kind, long credits, String key, LedgerReference about) {
        Optional<LedgerEntry> earlier = posted(lockedUser.webmasterId(), key);
        if (earlier.isPresent()) {
            return sameChange(earlier.get(), lockedUser, kind, credits);
        }
        return persist(LedgerEntry.post(lockedUser, kind, credits, key, clock.instant()), about);
    }

    public LedgerEntry adjust(ChatUser lockedUser, long credits, String actor, String reason, String key) {
        Optional<LedgerEntry> earlier = posted(lockedUser.webmasterId(), key);
        if (earlier.isPresent()) {
            return sameChange(earlier.get(), lockedUser, EntryKind.ADJUSTMENT, credits);
        }
        return persist(
                LedgerEntry.adjust(lockedUser, credits, actor, reason, key, clock.instant()), LedgerReference.none());
    }

    private LedgerEntry persist(LedgerEntry entry, LedgerReference about) {
        if (about.showId() != null) {
            entry.forShow(about.showId());
        }
        if (about.tipId() != null) {
            entry.forTip(about.tipId());
        }
        if (about.paypalId() != null) {
            entry.forPaypal(about.paypalId());
        }
        em.persist(entry);
        // One flush per entry keeps ids in posting order (EclipseLink may reorder inserts in one flush).
        em.flush();
        announce(em.find(ChatUser.class, entry.userId()));
        return entry;
    }

    /** Tells listeners (running meters) the balance after the transaction commits. */
    public void announce(ChatUser user) {
        long there = elsewhere.of(user.id());
        var change =
                new CreditsChanged(user.webmasterId(), user.id(), user.credits() + there, user.available() + there);
        afterCompletion.onCommit(() -> creditsChanged.fire(change));
    }

    private static LedgerEntry sameChange(LedgerEntry earlier, ChatUser user, EntryKind kind, long credits) {
        if (earlier.userId() != user.id() || earlier.kind() != kind || earlier.credits() != credits) {
            throw new DomainException("idempotency key " + earlier.idempotencyKey() + " was used for another change");
        }
        return earlier;
    }
}
