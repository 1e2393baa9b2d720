package ppvchat.external.control;

import java.time.Duration;
import java.util.List;

/**
 * How long a call to a webmaster's server may take and how it is retried: {@link #STANDARD} connects within 2 s,
 * waits at most 5 s for an answer, and retries twice (after 200 ms, then 800 ms) on I/O errors, timeouts, 5xx and
 * 429. A call thus ends within about 3 × 5 s + 1 s.
 */
public record CallPolicy(Duration connectTimeout, Duration requestTimeout, List<Duration> retryDelays) {

    public static final CallPolicy STANDARD = new CallPolicy(
            Duration.ofSeconds(2), Duration.ofSeconds(5), List.of(Duration.ofMillis(200), Duration.ofMillis(800)));

    public CallPolicy {
        retryDelays = List.copyOf(retryDelays);
    }

    int attempts() {
        return retryDelays.size() + 1;
    }
}
