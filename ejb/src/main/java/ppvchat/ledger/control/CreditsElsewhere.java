package ppvchat.ledger.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credits a user has on their site's own server (external mode), as that server last told: shown and counted
 * together with what is here, so that the chat's balance and a show's warnings mean the same as in embed mode.
 * Users of embed sites have none. A cache only: the site's server is the truth, and every answer of it updates
 * this.
 */
@ApplicationScoped
public class CreditsElsewhere {

    private final Map<Long, Long> byUser = new ConcurrentHashMap<>();

    public void tell(long userId, long credits) {
        byUser.put(userId, Math.max(0, credits));
    }

    /** Credits on their way back there (a refund owed): counted before the site's server confirms them. */
    public void add(long userId, long credits) {
        byUser.merge(userId, credits, Long::sum);
    }

    public long of(long userId) {
        return byUser.getOrDefault(userId, 0L);
    }
}
