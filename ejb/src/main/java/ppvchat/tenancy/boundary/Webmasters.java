package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/** Looks up tenants. A disabled site is not found by anything its visitors do; the console still sees it. */
@Stateless
public class Webmasters {

    @PersistenceContext
    EntityManager em;

    /** A running site. */
    public Webmaster find(long id) {
        Webmaster webmaster = any(id);
        if (webmaster.disabled()) {
            throw new NotFound("no webmaster " + id);
        }
        return webmaster;
    }

    /** A site, running or disabled: for the console. */
    public Webmaster any(long id) {
        Webmaster webmaster = em.find(Webmaster.class, id);
        if (webmaster == null) {
            throw new NotFound("no webmaster " + id);
        }
        return webmaster;
    }

    /** The site's look and language for the embed scripts. */
    public EmbedSettings embedding(long id) {
        Webmaster site = find(id);
        return new EmbedSettings(
                site.id(), site.name(), site.language(), site.currency(), site.chatCss(), site.wallCss());
    }

    /** Whether pages of {@code origin} may call this site's API from a browser. */
    public boolean allowsOrigin(long id, String origin) {
        Webmaster site = em.find(Webmaster.class, id);
        return site != null && !site.disabled() && site.allowsOrigin(origin);
    }

    public List<Webmaster> all() {
        return em.createNamedQuery(Webmaster.ALL, Webmaster.class).getResultList();
    }
}
