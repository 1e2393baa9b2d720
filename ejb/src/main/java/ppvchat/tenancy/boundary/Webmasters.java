package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/** Looks up tenants. */
@Stateless
public class Webmasters {

    @PersistenceContext
    EntityManager em;

    public Webmaster find(long id) {
        Webmaster webmaster = em.find(Webmaster.class, id);
        if (webmaster == null) {
            throw new NotFound("no webmaster " + id);
        }
        return webmaster;
    }

    public List<Webmaster> all() {
        return em.createNamedQuery(Webmaster.ALL, Webmaster.class).getResultList();
    }
}
