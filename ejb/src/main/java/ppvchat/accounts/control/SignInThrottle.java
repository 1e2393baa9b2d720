package ppvchat.accounts.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import ppvchat.accounts.entity.TooManyAttempts;

/**
 * Limits failed sign-ins per account and per address, and new guests and registrations per address: a fixed window that
 * opens with the first attempt. Counts live in this JVM, bounded in number and expiring with their window.
 */
@ApplicationScoped
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final int NEW_IDENTITIES_PER_ADDRESS = 30;

    /** Attempts counted since {@code opened}. */
    record Window(Instant opened, AtomicInteger count) {}

    private final Cache<String, Window> windows =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(200_000).build();

    @Inject
    Clock clock;

    /** Refuses a sign-in while the account or the address has used up its failures. */
    public void requireSignInAllowed(long webmasterId, String username, String address) {
        require(account(webmasterId, username), FAILURES_PER_ACCOUNT);
        require(address("sign-in", address), FAILURES_PER_ADDRESS);
    }

    public void failed(long webmasterId, String username, String address) {
        count(account(webmasterId, username));
        count(address("sign-in", address));
    }

    public void succeeded(long webmasterId, String username) {
        windows.invalidate(account(webmasterId, username));
    }

    /** Counts a new guest or registration from the address, refusing it past the limit. */
    public void newIdentity(String address) {
        String key = address("new", address);
        require(key, NEW_IDENTITIES_PER_ADDRESS);
        count(key);
    }

    private void require(String key, int limit) {
        Window window = windows.getIfPresent(key);
        if (window == null) {
            return;
        }
        Instant now = clock.instant();
        Instant closes = window.opened().plus(WINDOW);
        if (window.count().get() >= limit && now.isBefore(closes)) {
            throw new TooManyAttempts(Duration.between(now, closes));
        }
    }

    private void count(String key) {
        windows.asMap().compute(key, (k, window) -> {
            Instant now = clock.instant();
            if (window == null || !now.isBefore(window.opened().plus(WINDOW))) {
                return new Window(now, new AtomicInteger(1));
            }
            window.count().incrementAndGet();
            return window;
        });
    }

    private static String account(long webmasterId, String username) {
        return "account:" + webmasterId + ":" + String.valueOf(username).strip().toLowerCase();
    }

    private static String address(String what, String address) {
        return what + ":" + address;
    }
}
