package ppvchat.support.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.Role;

/** Finds who asks the support desk: a console account by its sign-in name, a chat user by their token. */
@ApplicationScoped
public class SupportParties {

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenHolders holders;

    /** A console account of this site (or a platform admin); accountants have no support page. */
    public SupportParty console(long webmasterId, String username) {
        ConsoleAccount account = em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(ConsoleAccount::enabled)
                .findFirst()
                .orElseThrow(() -> new Forbidden("no enabled console account " + username));
        if (account.webmasterId() != null && account.webmasterId() != webmasterId) {
            throw new Forbidden("this console account works for another site");
        }
        return switch (account.role()) {
            case PLATFORM_ADMIN, WEBMASTER_ADMIN -> new SupportParty(webmasterId, null, account, true);
            case MODERATOR -> new SupportParty(webmasterId, null, account, false);
            case ACCOUNTANT -> throw new Forbidden("support is for the site's admins and moderators");
        };
    }

    /** The chat user the token names; support in the chat is for performers and moderators. */
    public SupportParty chat(long webmasterId, String token) {
        ChatUser user = holders.userOf(webmasterId, token);
        if (user.role() != Role.PERFORMER && user.role() != Role.MODERATOR) {
            throw new Forbidden("support is for performers and moderators: sign in with a performer's login");
        }
        return new SupportParty(webmasterId, user, null, false);
    }
}
