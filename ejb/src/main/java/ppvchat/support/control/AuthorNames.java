package ppvchat.support.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.ConsoleAccount;
import ppvchat.accounts.entity.Role;

/** The names of the people a page of tickets or a thread mentions, read with one query per kind. */
@ApplicationScoped
public class AuthorNames {

    /** Chat users (of one site) and console accounts by id. */
    public record Names(Map<Long, ChatUser> users, Map<Long, ConsoleAccount> accounts) {

        public String of(Long userId, Long accountId) {
            if (userId != null) {
                ChatUser user = users.get(userId);
                return user == null ? "#" + userId : user.username();
            }
            ConsoleAccount account = accounts.get(accountId);
            return account == null ? "#" + accountId : account.username();
        }

        /** performer, chat moderator, moderator (console), admin (console). */
        public String kind(Long userId, Long accountId) {
            if (userId != null) {
                ChatUser user = users.get(userId);
                return user == null ? "" : user.role() == Role.PERFORMER ? "performer" : "chat moderator";
            }
            ConsoleAccount account = accounts.get(accountId);
            return account == null
                    ? ""
                    : switch (account.role()) {
                        case MODERATOR -> "moderator";
                        case ACCOUNTANT -> "accountant";
                        case WEBMASTER_ADMIN, PLATFORM_ADMIN -> "admin";
                    };
        }
    }

    @PersistenceContext
    EntityManager em;

    /** Ids may repeat or be null (a message has one kind of author). */
    public Names of(long webmasterId, Collection<Long> userIds, Collection<Long> accountIds) {
        List<Long> users = userIds.stream().filter(Objects::nonNull).distinct().toList();
        List<Long> accounts =
                accountIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, ChatUser> byUser = users.isEmpty()
                ? Map.of()
                : em.createQuery("SELECT u FROM ChatUser u WHERE u.webmasterId = :w AND u.id IN :ids", ChatUser.class)
                        .setParameter("w", webmasterId)
                        .setParameter("ids", users)
                        .getResultStream()
                        .collect(Collectors.toMap(ChatUser::id, u -> u));
        Map<Long, ConsoleAccount> byAccount = accounts.isEmpty()
                ? Map.of()
                : em.createQuery("SELECT a FROM ConsoleAccount a WHERE a.id IN :ids", ConsoleAccount.class)
                        .setParameter("ids", accounts)
                        .getResultStream()
                        .collect(Collectors.toMap(ConsoleAccount::id, a -> a));
        return new Names(byUser, byAccount);
    }
}
