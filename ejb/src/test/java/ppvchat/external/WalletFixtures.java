package ppvchat.external;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.external.boundary.ExternalWallet;
import ppvchat.external.entity.ExternalMove;
import ppvchat.ledger.control.Ledger;
import ppvchat.ledger.control.LedgerReference;
import ppvchat.tenancy.entity.Webmaster;

/** A site in external mode with a user, and the wallet's booking in a transaction of its own; each call commits. */
@Stateless
public class WalletFixtures {

    /** What is stored of one call to the site's server. */
    public record Stored(String key, String kind, String status, long credits, String debitKey) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    ExternalWallet wallet;

    public long site(String name) {
        Webmaster site =
                new Webmaster(name, "USD", new BigDecimal("0.01"), "0123456789abcdef0123456789abcdef", Instant.now());
        site.integrateExternally(URI.create("http://127.0.0.1:9/ppv-api"));
        em.persist(site);
        em.flush();
        return site.id();
    }

    public long user(long siteId, String hostId) {
        ChatUser user = new ChatUser(siteId, hostId, "user-" + hostId, Role.USER, Instant.now());
        em.persist(user);
        em.flush();
        return user.id();
    }

    /** Books the debit for its user, as a show's start or a tip does, under the user's lock. */
    public long book(long siteId, long userId, long moveId) {
        ChatUser locked = ledger.lockUser(siteId, userId);
        return wallet.book(em.find(ExternalMove.class, moveId), locked, LedgerReference.none());
    }

    public long credits(long userId) {
        return em.find(ChatUser.class, userId).credits();
    }

    public List<Stored> moves(long siteId) {
        return em
                .createQuery("SELECT m FROM ExternalMove m WHERE m.webmasterId = :w ORDER BY m.id", ExternalMove.class)
                .setParameter("w", siteId)
                .getResultList()
                .stream()
                .map(m -> new Stored(m.key(), m.kind().name(), m.status().name(), m.credits(), m.debitKey()))
                .toList();
    }
}
