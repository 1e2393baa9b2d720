package ppvchat.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ppvchat.payments.entity.CreditItem;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.IntegrationMode;
import ppvchat.tenancy.entity.Webmaster;

/** The credit packages a webmaster sells, as users choose among them. */
@Stateless
public class CreditPackages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    /** The active packages of the site, cheapest first; none where the site sells credits itself (external mode). */
    public List<CreditPackage> onSale(long webmasterId) {
        Webmaster site = webmasters.find(webmasterId);
        if (site.mode() == IntegrationMode.EXTERNAL) {
            return List.of();
        }
        return em.createNamedQuery(CreditItem.ACTIVE_OF_WEBMASTER, CreditItem.class)
                .setParameter("webmasterId", webmasterId)
                .getResultStream()
                .map(item ->
                        new CreditPackage(item.id(), item.credits(), item.price(), site.currency(), item.description()))
                .toList();
    }
}
