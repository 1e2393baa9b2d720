package ppvchat.moderation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.ConsoleRole;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.moderation.entity.TypingPreviewAudit;

/** Console accounts, typing-preview audit rows and trail reads for the console moderation test. */
@Stateless
public class ConsoleFixtures {

    /** A hash in the stored format; nobody signs in with it here. */
    private static final String HASH = "PBKDF2WithHmacSHA256:1000:c2FsdHNhbHQ=:aGFzaGhhc2g=";

    @PersistenceContext
    EntityManager em;

    public long account(Long siteId, String username, ConsoleRole role) {
        ConsoleAccount account = new ConsoleAccount(siteId, username, HASH, role, Instant.now());
        em.persist(account);
        em.flush();
        return account.id();
    }

    public void disable(long accountId) {
        em.find(ConsoleAccount.class, accountId).disable();
    }

    /** A staff member started watching what users type in the performer's room. */
    public void watchedTyping(long viewerUserId, long performerId) {
        em.persist(new TypingPreviewAudit(em.find(ChatUser.class, viewerUserId), performerId, Instant.now()));
    }

    /** The site's trail, newest first. */
    public List<ModerationAction> trail(long siteId) {
        return em.createQuery(
                        "SELECT m FROM ModerationAction m WHERE m.webmasterId = :w ORDER BY m.id DESC",
                        ModerationAction.class)
                .setParameter("w", siteId)
                .getResultList();
    }
}
