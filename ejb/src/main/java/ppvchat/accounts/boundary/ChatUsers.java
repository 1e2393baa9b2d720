package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.ledger.boundary.CreditAdjustments;
import ppvchat.ledger.entity.LedgerEntry;
import ppvchat.platform.entity.NotFound;

/**
 * A site's chat users as the console's Users page sees them: found by name, id or external id, one user's
 * balance and ledger, and credit adjustments by a person. Every query names the site; a user of another
 * site is not found.
 */
@Stateless
public class ChatUsers {

    /** A user in the search results. */
    public record Found(long id, String username, String externalId, String role, long credits, boolean held) {}

    /** One user: the balance, what is held and owed, and the ledger, newest first. */
    public record Detail(
            long id,
            String username,
            String externalId,
            String role,
            long credits,
            long heldCredits,
            long shortfall,
            String purchasesHold,
            Instant bannedUntil,
            String banReason,
            List<Entry> ledger) {}

    /** A ledger entry with the balance after it: read down the list, the running balance. */
    public record Entry(
            long id, Instant at, String kind, long credits, long balanceAfter, String actor, String reason) {}

    private static final int LEDGER_ROWS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    CreditAdjustments adjustments;

    public List<Found> search(long webmasterId, String query, int first, int max) {
        return matching(webmasterId, query, "SELECT u", ChatUser.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultStream()
                .map(u -> new Found(
                        u.id(),
                        u.username(),
                        u.externalId(),
                        u.role().name(),
                        u.credits(),
                        u.purchasesHold().isPresent()))
                .toList();
    }

    public long count(long webmasterId, String query) {
        return matching(webmasterId, query, "SELECT COUNT(u)", Long.class).getSingleResult();
    }

    public Detail detail(long webmasterId, long userId) {
        ChatUser user = em.find(ChatUser.class, userId);
        if (user == null || user.webmasterId() != webmasterId) {
            throw new NotFound("no user " + userId + " on this site");
        }
        List<Entry> ledger = em.createQuery(
                        "SELECT e FROM LedgerEntry e WHERE e.webmasterId = :w AND e.userId = :u ORDER BY e.id DESC",
                        LedgerEntry.class)
                .setParameter("w", webmasterId)
                .setParameter("u", userId)
                .setMaxResults(LEDGER_ROWS)
                .getResultStream()
                .map(e -> new Entry(
                        e.id(), e.createdAt(), e.kind().name(), e.credits(), e.balanceAfter(), e.actor(), e.reason()))
                .toList();
        return new Detail(
                user.id(),
                user.username(),
                user.externalId(),
                user.role().name(),
                user.credits(),
                user.heldCredits(),
                user.creditShortfall(),
                user.purchasesHold().orElse(null),
                user.bannedUntil(),
                user.banReason(),
                ledger);
    }

    /** Credits added (positive) or removed (negative) by {@code actor}, who must say why; posted once per key. */
    public void adjust(long webmasterId, long userId, long credits, String actor, String reason, String key) {
        adjustments.adjust(webmasterId, userId, credits, actor, reason, key);
    }

    /** Users whose name contains the text (any case), whose external id is it, or whose id it is. */
    private <T> TypedQuery<T> matching(long webmasterId, String query, String select, Class<T> type) {
        String text = query == null ? "" : query.strip();
        Long id = text.matches("[0-9]{1,18}") ? Long.valueOf(text) : -1L;
        String order = type == ChatUser.class ? " ORDER BY u.username" : "";
        return em.createQuery(
                        select + " FROM ChatUser u WHERE u.webmasterId = :w AND (:text = '' OR LOWER(u.username)"
                                + " LIKE :like ESCAPE '!' OR u.externalId = :text OR u.id = :id)" + order,
                        type)
                .setParameter("w", webmasterId)
                .setParameter("text", text)
                .setParameter("like", "%" + escaped(text.toLowerCase(Locale.ROOT)) + "%")
                .setParameter("id", id);
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
