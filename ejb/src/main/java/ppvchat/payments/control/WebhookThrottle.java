package ppvchat.payments.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import ppvchat.accounts.entity.TooManyAttempts;

/**
 * The webhook endpoint answers anyone, and each delivery is stored and costs a verify call: a token bucket
 * per sending address ({@value #BURST} at once, {@value #PER_SECOND} a second) keeps a flood from filling
 * the database. PayPal sends a few events a minute per sale and retries a 429 later, so it loses nothing.
 */
@ApplicationScoped
public class WebhookThrottle {

    static final int BURST = 200;
    static final int PER_SECOND = 20;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();

    public void take(String address) {
        Bucket bucket = buckets.get(String.valueOf(address), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(999);
            throw new TooManyAttempts("too many webhook deliveries from this address: try again later", wait);
        }
    }

    private static Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(BURST)
                        .refillGreedy(PER_SECOND, Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
