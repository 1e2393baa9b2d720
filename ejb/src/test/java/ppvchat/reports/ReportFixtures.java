package ppvchat.reports;

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
import ppvchat.payouts.entity.Earning;
import ppvchat.performers.entity.Performer;
import ppvchat.rooms.entity.EndReason;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Tips and finished shows at chosen times, booked the way Tips and ShowBilling book them (the earning,
 * the ledger entry pointing at it), so that the reports have exact, known figures and the books balance.
 * Each call runs in its own committed transaction.
 */
@Stateless
public class ReportFixtures {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    /** A site whose credit is worth 5 cents, performers earning 50% unless they say otherwise. */
    public long site(String name) {
        Webmaster site =
                new Webmaster(name, "EUR", new BigDecimal("0.05"), "0123456789abcdef0123456789abcdef", Instant.now());
        em.persist(site);
        em.flush();
        return site.id();
    }

    public long user(long siteId, String handle, long credits) {
        ChatUser user = new ChatUser(siteId, "ext-" + handle, handle, Role.USER, Instant.now());
        em.persist(user);
        em.flush();
        if (credits > 0) {
            ledger.post(
                    ledger.lockUser(siteId, user.id()),
                    EntryKind.PURCHASE,
                    credits,
                    "seed-" + handle,
                    LedgerReference.none());
        }
        return user.id();
    }

    public long performer(long siteId, String handle, String displayName, String percentage) {
        long userId = user(siteId, handle, 0);
        Webmaster site = em.find(Webmaster.class, siteId);
        Performer performer = new Performer(site, em.find(ChatUser.class, userId), displayName, 60, Instant.now());
        if (percentage != null) {
            performer.overridePercentage(new BigDecimal(percentage));
        }
        em.persist(performer);
        em.flush();
        return performer.id();
    }

    public long tip(long siteId, long performerId, long userId, long credits, Instant at) {
        Earning earning = Earning.tip(
                em.find(Webmaster.class, siteId),
                em.find(Performer.class, performerId),
                em.find(ChatUser.class, userId),
                credits,
                at);
        em.persist(earning);
        em.flush();
        ledger.post(
                ledger.lockUser(siteId, userId),
                EntryKind.TIP,
                -credits,
                "tip:" + earning.id(),
                LedgerReference.tip(earning.id()));
        return earning.id();
    }

    /** A private show that ended at {@code endedAt} after {@code seconds} billed seconds costing {@code credits}. */
    public long show(long siteId, long performerId, long userId, long seconds, long credits, Instant endedAt) {
        Webmaster site = em.find(Webmaster.class, siteId);
        Performer performer = em.find(Performer.class, performerId);
        Instant startedAt = endedAt.minusSeconds(seconds);
        PrivateShow show = PrivateShow.request(performer, em.find(ChatUser.class, userId), startedAt.minusSeconds(5));
        show.accept(startedAt.minusSeconds(1));
        show.start(startedAt, "reports-it", BillingPolicy.standard());
        show.holdMore(credits, seconds);
        show.end(EndReason.USER_LEFT, endedAt, seconds, credits);
        em.persist(show);
        em.flush();
        ledger.post(
                ledger.lockUser(siteId, userId),
                EntryKind.SHOW_CHARGE,
                -credits,
                "show:" + show.id(),
                LedgerReference.show(show.id()));
        em.persist(Earning.liveshow(site, performer, show));
        em.flush();
        return show.id();
    }

    /** Breaks the books on purpose: a balance changed behind the ledger's back. */
    public void tamperWithBalance(long userId, long credits) {
        em.createNativeQuery("UPDATE chat_user SET credits = credits + ?1 WHERE id = ?2")
                .setParameter(1, credits)
                .setParameter(2, userId)
                .executeUpdate();
    }
}
