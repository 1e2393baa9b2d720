package ppvchat.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.NotSignedIn;

/** The user a chat token names, as they are now: one path for sockets, the REST API and uploads. */
@ApplicationScoped
public class TokenHolders {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatTokens tokens;

    /** The token's user on this webmaster's site; a bad, expired or foreign token, or a user gone, is refused. */
    public ChatUser userOf(long webmasterId, String token) {
        ChatIdentity identity = tokens.verify(token, webmasterId);
        ChatUser user = em.find(ChatUser.class, identity.userId());
        if (user == null || user.webmasterId() != webmasterId) {
            throw new NotSignedIn("the token is not valid: sign in again");
        }
        return user;
    }
}
