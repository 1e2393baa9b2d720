package ppvchat.accounts;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.tenancy.entity.Webmaster;

/** Sites with a known API secret and their users, for the sign-in-from-the-host tests; each call commits. */
@Stateless
public class HostFixtures {

    /** What is stored of a chat user the host signed in. */
    public record Stored(long id, String username, String role, String gender, String image, String profile) {}

    @PersistenceContext
    EntityManager em;

    /** A site whose server signs with {@code secret} (kept unsealed here: the tests run without a sealing key). */
    public long site(String name, String secret) {
        Webmaster site = new Webmaster(name, "USD", new BigDecimal("0.01"), secret, Instant.now());
        em.persist(site);
        em.flush();
        return site.id();
    }

    public long siteWithoutSecret(String name) {
        Webmaster site = new Webmaster(name, "USD", new BigDecimal("0.01"), Instant.now());
        em.persist(site);
        em.flush();
        return site.id();
    }

    public void disable(long siteId) {
        em.find(Webmaster.class, siteId).disable(Instant.now());
    }

    public void allow(long siteId, Set<Role> roles) {
        em.find(Webmaster.class, siteId).allowHostLoginAs(roles);
    }

    /** A user of the site who is not from the host: a password user, a performer. */
    public long localUser(long siteId, String externalId, String username, Role role) {
        ChatUser user = new ChatUser(siteId, externalId, username, role, Instant.now());
        em.persist(user);
        em.flush();
        return user.id();
    }

    public void ban(long userId) {
        em.find(ChatUser.class, userId).ban(ChatUser.PERMANENTLY, "spam");
    }

    public Stored user(long userId) {
        ChatUser user = em.find(ChatUser.class, userId);
        return new Stored(
                user.id(),
                user.username(),
                user.role().name(),
                user.gender().name(),
                user.avatarUrl(),
                user.profileUrl());
    }

    public long usersWithExternalId(long siteId, String externalId) {
        return em.createQuery(
                        "SELECT COUNT(u) FROM ChatUser u WHERE u.webmasterId = :w AND u.externalId = :e", Long.class)
                .setParameter("w", siteId)
                .setParameter("e", externalId)
                .getSingleResult();
    }

    public long usedTokens(long siteId) {
        return em.createQuery("SELECT COUNT(u) FROM HostLoginUse u WHERE u.webmasterId = :w", Long.class)
                .setParameter("w", siteId)
                .getSingleResult();
    }
}
