package ppvchat.loadtest.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.ledger.entity.EntryKind;
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
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long webmaster(String name, BillingPolicy policy) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Webmaster site = new Webmaster(
                name, "USD", new BigDecimal("0.01"), HexFormat.of().formatHex(secret), clock.instant());
        site.limitRates(1, 6_000);
        site.changeBilling(policy);
        em.persist(site);
        em.flush();
        return site.id();
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
