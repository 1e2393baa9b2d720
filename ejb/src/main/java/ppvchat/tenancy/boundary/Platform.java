package ppvchat.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import ppvchat.accounts.boundary.ConsoleAccounts;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The platform admin's view of all sites: the list with a few figures, a new site with its first admin
 * account, and taking a site offline or back. Only platform admins reach this (the console page's
 * security constraint); every other console page works on one site.
 */
@Stateless
public class Platform {

    /** A site as the platform admin's list shows it. */
    public record Site(
            long id,
            String name,
            String currency,
            Instant createdAt,
            Instant disabledAt,
            long performers,
            long users,
            long consoleAccounts) {

        public boolean disabled() {
            return disabledAt != null;
        }
    }

    /** A new site: what it is called, what its credits are, and who runs it. */
    public record NewSite(
            String name,
            String currency,
            BigDecimal creditValue,
            String language,
            String adminUsername,
            String adminPassword) {}

    private static final Logger LOG = Logger.getLogger(Platform.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ConsoleAccounts accounts;

    @Inject
    Clock clock;

    public List<Site> sites() {
        Map<Long, Long> performers =
                countPerSite("SELECT p.webmasterId, COUNT(p) FROM Performer p GROUP BY p.webmasterId");
        Map<Long, Long> users = countPerSite("SELECT u.webmasterId, COUNT(u) FROM ChatUser u GROUP BY u.webmasterId");
        Map<Long, Long> staff =
                countPerSite("SELECT a.webmasterId, COUNT(a) FROM ConsoleAccount a WHERE a.webmasterId IS NOT NULL"
                        + " GROUP BY a.webmasterId");
        return em.createNamedQuery(Webmaster.ALL, Webmaster.class)
                .getResultStream()
                .map(site -> new Site(
                        site.id(),
                        site.name(),
                        site.currency(),
                        site.createdAt(),
                        site.disabledAt(),
                        performers.getOrDefault(site.id(), 0L),
                        users.getOrDefault(site.id(), 0L),
                        staff.getOrDefault(site.id(), 0L)))
                .toList();
    }

    /** The site and its first webmaster admin, together or not at all; returns the site's id. */
    public long create(NewSite site, String actor) {
        Webmaster created;
        try {
            created = new Webmaster(site.name(), text(site.currency()), site.creditValue(), clock.instant());
            if (site.language() != null && !site.language().isBlank()) {
                created.speak(site.language());
            }
        } catch (IllegalArgumentException | NullPointerException broken) {
            throw new DomainException(
                    broken instanceof NullPointerException
                            ? "a new site needs a name, a currency and the value of a credit"
                            : broken.getMessage());
        }
        em.persist(created);
        em.flush();
        accounts.create(created.id(), site.adminUsername(), site.adminPassword(), ConsoleRole.WEBMASTER_ADMIN);
        LOG.info(() -> "site " + created.id() + " created by " + actor + " with admin " + site.adminUsername());
        return created.id();
    }

    public void disable(long webmasterId, String actor) {
        site(webmasterId).disable(clock.instant());
        LOG.info(() -> "site " + webmasterId + " disabled by " + actor);
    }

    public void enable(long webmasterId, String actor) {
        site(webmasterId).enable();
        LOG.info(() -> "site " + webmasterId + " enabled again by " + actor);
    }

    private Webmaster site(long webmasterId) {
        Webmaster site = em.find(Webmaster.class, webmasterId, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw new NotFound("no webmaster " + webmasterId);
        }
        return site;
    }

    private Map<Long, Long> countPerSite(String jpql) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String text(String value) {
        return value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
