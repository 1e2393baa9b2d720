package ppvchat.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import ppvchat.accounts.control.ChatTokens;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.accounts.entity.Role;
import ppvchat.support.entity.TicketStatus;
import ppvchat.tenancy.entity.Webmaster;

/** Sites, chat users with tokens and console accounts for the support tests, each call committed on its own. */
@Stateless
public class SupportFixtures {

    /** What a ticket looks like in the database right now. */
    public record Stored(String status, int messages, String lastBody) {}

    private static final String HASH = "PBKDF2WithHmacSHA256:3072:c2FsdA==:aGFzaA==";

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatTokens tokens;

    public long site(String name) {
        Webmaster site =
                new Webmaster(name, "USD", new BigDecimal("0.01"), "0123456789abcdef0123456789abcdef", Instant.now());
        em.persist(site);
        em.flush();
        return site.id();
    }

    /** A chat user of the site and a fresh chat token for them. */
    public String token(long siteId, String handle, Role role) {
        ChatUser user = new ChatUser(siteId, "ext-" + handle, handle, role, Instant.now());
        em.persist(user);
        em.flush();
        return tokens.issue(user).value();
    }

    /** A console account's sign-in name. */
    public String console(Long siteId, String username, ConsoleRole role) {
        em.persist(new ConsoleAccount(siteId, username, HASH, role, Instant.now()));
        em.flush();
        return username;
    }

    public long tickets(long siteId) {
        return em.createQuery("SELECT COUNT(t) FROM SupportTicket t WHERE t.webmasterId = :w", Long.class)
                .setParameter("w", siteId)
                .getSingleResult();
    }

    public Stored stored(long ticketId) {
        TicketStatus status = em.createQuery(
                        "SELECT t.status FROM SupportTicket t WHERE t.id = :id", TicketStatus.class)
                .setParameter("id", ticketId)
                .getSingleResult();
        List<String> bodies = em.createQuery(
                        "SELECT m.body FROM SupportMessage m WHERE m.ticket.id = :id ORDER BY m.id", String.class)
                .setParameter("id", ticketId)
                .getResultList();
        return new Stored(status.name(), bodies.size(), bodies.get(bodies.size() - 1));
    }
}
