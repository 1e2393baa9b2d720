package ppvchat.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import ppvchat.payments.entity.CreditItem;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The credit packages a site sells, as its admins manage them in the console: every package, on sale or
 * withdrawn, created, changed, withdrawn and offered again. Orders already made keep their own copy of
 * credits and price, so a change never alters a payment in flight. Another site's package is not found.
 */
@Stateless
public class PackageCatalog {

    /** A package as the console lists it. */
    public record Package(long id, long credits, BigDecimal price, String description, boolean active) {}

    @PersistenceContext
    EntityManager em;

    public List<Package> all(long webmasterId) {
        return em.createQuery(
                        "SELECT i FROM CreditItem i WHERE i.webmasterId = :w ORDER BY i.active DESC, i.price, i.id",
                        CreditItem.class)
                .setParameter("w", webmasterId)
                .getResultStream()
                .map(PackageCatalog::of)
                .toList();
    }

    public Package create(long webmasterId, long credits, BigDecimal price, String description) {
        Webmaster site = em.find(Webmaster.class, webmasterId);
        if (site == null) {
            throw new NotFound("no site " + webmasterId);
        }
        CreditItem item = valid(() -> new CreditItem(site, credits, price, description));
        em.persist(item);
        em.flush();
        return of(item);
    }

    public Package change(long webmasterId, long packageId, long credits, BigDecimal price, String description) {
        CreditItem item = item(webmasterId, packageId);
        valid(() -> {
            item.reprice(credits, price);
            item.describe(description);
            return item;
        });
        return of(item);
    }

    public void withdraw(long webmasterId, long packageId) {
        item(webmasterId, packageId).withdraw();
    }

    public void offer(long webmasterId, long packageId) {
        item(webmasterId, packageId).offer();
    }

    private CreditItem item(long webmasterId, long packageId) {
        CreditItem item = em.find(CreditItem.class, packageId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || item.webmasterId() != webmasterId) {
            throw new NotFound("no package " + packageId + " on this site");
        }
        return item;
    }

    private static CreditItem valid(java.util.function.Supplier<CreditItem> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException broken) {
            throw new DomainException(broken.getMessage() == null ? "a package field is missing" : broken.getMessage());
        }
    }

    private static Package of(CreditItem item) {
        return new Package(item.id(), item.credits(), item.price(), item.description(), item.active());
    }
}
