package ppvchat.loadtest.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ppvchat.accounts.control.ChatTokens;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
import ppvchat.loadtest.boundary.TestSite;
import ppvchat.performers.entity.Performer;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.Webmaster;

/** Builds a synthetic site for a load test: pairs of a performer and a paying user, in chunks. */
@Stateless
public class LoadTestSite {

    /** One performer, the performer's user, and the user who will book them. */
    public record Pair(long performerId, long performerUserId, long userId) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    ChatTokens tokens;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long webmaster(String name, BillingPolicy policy) {
        Webmaster site = new Webmaster(name, "USD", new BigDecimal("0.01"), clock.instant());
        site.limitRates(1, 6_000);
        site.changeBilling(policy);
        em.persist(site);
        em.flush();
        return site.id();
    }

    /** A webmaster whose chat accepts pages from {@code origin} and masks {@code badWords}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long webmaster(String name, BillingPolicy policy, String origin, List<String> badWords) {
        long id = webmaster(name, policy);
        Webmaster site = em.find(Webmaster.class, id);
        site.allowOrigins(List.of(origin));
        site.maskWords(badWords);
        return id;
    }

    /** One person with the role; a performer at {@code ratePerMinute}; a user or guest with {@code credits}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public TestSite.Member member(long webmasterId, String name, Role role, int ratePerMinute, long credits) {
        Webmaster site = em.find(Webmaster.class, webmasterId);
        ChatUser user = new ChatUser(webmasterId, "test-" + name, name, role, clock.instant());
        em.persist(user);
        em.flush();
        Long performerId = null;
        if (role == Role.PERFORMER) {
            Performer performer = new Performer(site, user, "Performer " + name, ratePerMinute, clock.instant());
            em.persist(performer);
            em.flush();
            performerId = performer.id();
        }
        if (credits > 0) {
            ledger.post(user, EntryKind.PURCHASE, credits, "test-purchase-" + user.id(), LedgerReference.none());
        }
        return new TestSite.Member(
                user.id(),
                name,
                role.name(),
                performerId,
                credits,
                tokens.issue(user).value());
    }

    /** Guests {@code from} (inclusive) to {@code to} (exclusive), each with a signed token: a crowd of watchers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> watchers(long webmasterId, int from, int to) {
        List<ChatUser> guests = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ChatUser guest = new ChatUser(webmasterId, "watcher-" + i, "watcher-" + i, Role.GUEST, clock.instant());
            em.persist(guest);
            guests.add(guest);
        }
        em.flush();
        return guests.stream().map(guest -> tokens.issue(guest).value()).toList();
    }

    /** Pairs {@code from} (inclusive) to {@code to} (exclusive), each user bought {@code credits}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Pair> pairs(long webmasterId, int from, int to, int ratePerMinute, long credits) {
        Webmaster site = em.find(Webmaster.class, webmasterId);
        List<Pair> pairs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ChatUser star =
                    new ChatUser(webmasterId, "load-star-" + i, "load-star-" + i, Role.PERFORMER, clock.instant());
            ChatUser fan = new ChatUser(webmasterId, "load-fan-" + i, "load-fan-" + i, Role.USER, clock.instant());
            em.persist(star);
            em.persist(fan);
            em.flush();
            Performer performer = new Performer(site, star, "Load star " + i, ratePerMinute, clock.instant());
            em.persist(performer);
            em.flush();
            ledger.post(fan, EntryKind.PURCHASE, credits, "load-purchase-" + i, LedgerReference.none());
            pairs.add(new Pair(performer.id(), star.id(), fan.id()));
        }
        return pairs;
    }
}
