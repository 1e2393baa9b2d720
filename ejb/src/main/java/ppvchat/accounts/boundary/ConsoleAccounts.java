package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.platform.entity.NotFound;

/** Console sign-ins: who is signed in, and which webmaster's data they may see. */
@Stateless
public class ConsoleAccounts {

    @PersistenceContext
    EntityManager em;

    public ConsoleAccount byUsername(String username) {
        return em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("no console account " + username));
    }

    public long countUsersOf(long webmasterId) {
        return em.createNamedQuery(ChatUser.COUNT_OF_WEBMASTER, Long.class)
                .setParameter("webmasterId", webmasterId)
                .getSingleResult();
    }
}
