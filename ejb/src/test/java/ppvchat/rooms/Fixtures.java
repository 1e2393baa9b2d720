package ppvchat.rooms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.performers.entity.Performer;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;
import ppvchat.tenancy.entity.Webmaster;

/** Builds sites, users and performers for the room tests, each call in its own committed transaction. */
@Stateless
public class Fixtures {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    public long site(String name, CreditRounding rounding) {
        Webmaster site =
                new Webmaster(name, "USD", new BigDecimal("0.01"), "0123456789abcdef0123456789abcdef", Instant.now());
        site.changeBilling(new BillingPolicy(0, 1, 0, List.of(60, 30, 10), rounding));
        site.limitRates(1, 6_000);
        em.persist(site);
        em.flush();
        return site.id();
    }

    public long user(long siteId, String handle, Role role, long credits) {
        ChatUser user = new ChatUser(siteId, "ext-" + handle, handle, role, Instant.now());
        em.persist(user);
        em.flush();
        if (credits > 0) {
            buy(siteId, user.id(), credits, "seed-" + handle);
        }
        return user.id();
    }

    /** A performer; returns {performer id, performer's user id}. */
    public long[] performer(long siteId, String handle, int rate) {
        long userId = user(siteId, handle, Role.PERFORMER, 0);
        Performer performer = new Performer(
                em.find(Webmaster.class, siteId), em.find(ChatUser.class, userId), handle, rate, Instant.now());
        em.persist(performer);
        em.flush();
        return new long[] {performer.id(), userId};
    }

    /** Credits bought, as a purchase would post them. */
    public void buy(long siteId, long userId, long credits, String key) {
        ledger.post(ledger.lockUser(siteId, userId), EntryKind.PURCHASE, credits, key, LedgerReference.none());
    }

    public void reprice(long performerId, int rate) {
        Performer performer = em.find(Performer.class, performerId);
        performer.reprice(rate, em.find(Webmaster.class, performer.webmasterId()));
    }

    /** What a refund or reversal leaves on a user: a hold on purchases and shows, and a shortfall. */
    public void holdPurchases(long userId, long shortfall) {
        em.find(ChatUser.class, userId).holdPurchases("refunded payment 1AB23456CD7890123", shortfall);
    }

    public void ban(long userId) {
        em.find(ChatUser.class, userId).ban(Instant.now().plusSeconds(3600), "test");
    }

    public ChatUser userNow(long userId) {
        return em.find(ChatUser.class, userId);
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    public int execute(String sql, long id) {
        return em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }

    /** What a node that died leaves behind: its row, its last heartbeat, and a show it ran. */
    public void deadNode(String node, Instant lastHeartbeat, long showId) {
        LocalDateTime at = LocalDateTime.ofInstant(lastHeartbeat, ZoneOffset.UTC);
        em.createNativeQuery("INSERT INTO metering_node (name, started_at, heartbeat_at) VALUES (?, ?, ?)")
                .setParameter(1, node)
                .setParameter(2, at)
                .setParameter(3, at)
                .executeUpdate();
        em.createNativeQuery("UPDATE private_show SET node = ? WHERE id = ?")
                .setParameter(1, node)
                .setParameter(2, showId)
                .executeUpdate();
    }

    public Instant stoppedAt(String node) {
        Object at = em.createNativeQuery("SELECT stopped_at FROM metering_node WHERE name = ?")
                .setParameter(1, node)
                .getSingleResult();
        LocalDateTime utc = at instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) at;
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
