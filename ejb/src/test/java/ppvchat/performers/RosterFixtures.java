package ppvchat.performers;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.performers.entity.Performer;
import ppvchat.tenancy.entity.Webmaster;

/** Builds sites and users for the roster tests and reads what was stored, each call in its own transaction. */
@Stateless
public class RosterFixtures {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    /** A site whose performers charge between {@code min} and {@code max} credits a minute, 50% by default. */
    public long site(String name, int min, int max) {
        Webmaster site =
                new Webmaster(name, "USD", new BigDecimal("0.01"), "0123456789abcdef0123456789abcdef", Instant.now());
        site.limitRates(min, max);
        em.persist(site);
        em.flush();
        return site.id();
    }

    /** A user with credits bought, as a purchase would post them. */
    public long user(long siteId, String handle, long credits) {
        ChatUser user = new ChatUser(siteId, "ext-" + handle, handle, Role.USER, Instant.now());
        em.persist(user);
        em.flush();
        ledger.post(
                ledger.lockUser(siteId, user.id()),
                EntryKind.PURCHASE,
                credits,
                "seed-" + handle,
                LedgerReference.none());
        return user.id();
    }

    public Performer performer(long performerId) {
        return em.find(Performer.class, performerId);
    }

    public long performerUserId(long performerId) {
        return em.find(Performer.class, performerId).user().id();
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }
}
