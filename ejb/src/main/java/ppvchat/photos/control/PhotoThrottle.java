package ppvchat.photos.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import ppvchat.accounts.entity.TooManyAttempts;

/**
 * How often one user may upload a photo: {@value #BURST} at once, then one every {@value #SECONDS_PER_PHOTO}
 * seconds. A token bucket per user, in this JVM's memory; an idle user's bucket is forgotten (it would be full
 * again by then), so the map stays small.
 */
@ApplicationScoped
public class PhotoThrottle {

    static final int BURST = 3;
    static final int SECONDS_PER_PHOTO = 3;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofSeconds(BURST * SECONDS_PER_PHOTO + 60L))
            .maximumSize(100_000)
            .build();

    /** Takes one upload from the user's allowance, or refuses with the time to wait. */
    public void take(long webmasterId, long userId) {
        Bucket bucket = buckets.get(webmasterId + ":" + userId, key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(999);
            throw new TooManyAttempts(
                    "too many photos: wait " + Math.max(1, wait.toSeconds()) + " seconds before the next", wait);
        }
    }

    private static Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(BURST)
                        .refillGreedy(1, Duration.ofSeconds(SECONDS_PER_PHOTO))
                        .build())
                .build();
    }
}
