package ppvchat.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How metering holds credits, and how long requests and dropped connections may wait; MicroProfile Config keys. */
@ApplicationScoped
public class MeteringSettings {

    /** Show time each hold reserves; a longer block means fewer writes and more credits set aside. */
    @Inject
    @ConfigProperty(name = "ppv.metering.hold-seconds", defaultValue = "300")
    int holdSeconds;

    /** Reserve the next block when the current one has this many seconds left. */
    @Inject
    @ConfigProperty(name = "ppv.metering.extend-below-seconds", defaultValue = "60")
    int extendBelowSeconds;

    @Inject
    @ConfigProperty(name = "ppv.rooms.request-ttl-seconds", defaultValue = "60")
    int requestTtlSeconds;

    @Inject
    @ConfigProperty(name = "ppv.rooms.reconnect-grace-seconds", defaultValue = "15")
    int reconnectGraceSeconds;

    /** {@code hold} (hold-then-settle) or {@code naive}: the benchmark's baseline, a write per show per second. */
    @Inject
    @ConfigProperty(name = "ppv.metering.mode", defaultValue = "hold")
    String mode;

    public int holdSeconds() {
        return holdSeconds;
    }

    public int extendBelowSeconds() {
        return extendBelowSeconds;
    }

    public boolean naive() {
        return "naive".equals(mode);
    }

    public Duration requestTtl() {
        return Duration.ofSeconds(requestTtlSeconds);
    }

    public Duration reconnectGrace() {
        return Duration.ofSeconds(reconnectGraceSeconds);
    }
}
