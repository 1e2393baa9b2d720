package ppvchat.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.accounts.entity.HostUser;
import ppvchat.tenancy.entity.Webmaster;

/**
 * The chat user a host site's user is: found by the host's id (the chat user's external id) or made at the
 * first sign-in; name, picture, gender, profile and role follow what the host says each time. For sign-in from
 * the host's pages and for external mode's sign-in against the host's server alike.
 */
@ApplicationScoped
public class HostUsers {

    private static final Logger LOG = Logger.getLogger(HostUsers.class.getName());
    private static final String TAG_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    public ChatUser userFor(long webmasterId, HostUser host, Instant now) {
        Optional<ChatUser> known = em.createNamedQuery(ChatUser.BY_EXTERNAL_ID, ChatUser.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("externalId", host.id())
                .getResultStream()
                .findFirst();
        if (known.isPresent() && !known.get().externalId().equals(host.id())) {
            // MariaDB compares the column ignoring case: another host user's id, never theirs.
            throw new Forbidden("the host's user id " + host.id() + " differs only in case from another user's"
                    + " here: ids must differ in more than case");
        }
        if (known.isPresent()) {
            ChatUser user = known.get();
            if (!Webmaster.HOST_LOGIN_ROLES.contains(user.role())) {
                throw new Forbidden("the host's user " + host.id() + " is a "
                        + user.role().name().toLowerCase() + " here, who signs in with a password");
            }
            if (!user.username().equalsIgnoreCase(host.username())) {
                user.rename(freeName(webmasterId, host.username(), user.id()));
            } else if (!user.username().equals(host.username())) {
                user.rename(host.username());
            }
            user.describe(host.gender(), host.image(), host.profile());
            user.changeRole(host.role());
            return user;
        }
        ChatUser user =
                new ChatUser(webmasterId, host.id(), freeName(webmasterId, host.username(), null), host.role(), now);
        user.describe(host.gender(), host.image(), host.profile());
        em.persist(user);
        em.flush();
        LOG.info(() -> "site " + webmasterId + " signed in a new user from its host: chat user " + user.id());
        return user;
    }

    /** The host's name, or with a short tag when someone else here already goes by it. */
    private String freeName(long webmasterId, String wanted, Long self) {
        String name = wanted;
        while (takenByOther(webmasterId, name, self)) {
            name = wanted + "~" + tag();
        }
        return name;
    }

    private boolean takenByOther(long webmasterId, String name, Long self) {
        return em.createNamedQuery(ChatUser.BY_USERNAME, ChatUser.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("username", name.toLowerCase())
                .getResultStream()
                .anyMatch(other -> !other.id().equals(self));
    }

    /** Four letters that tell apart people who chose the same name. */
    public static String tag() {
        StringBuilder tag = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            tag.append(TAG_LETTERS.charAt(RANDOM.nextInt(TAG_LETTERS.length())));
        }
        return tag.toString();
    }
}
