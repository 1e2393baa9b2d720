package ppvchat.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How metering trades database writes against what a crash may cost; MicroProfile Config keys. */
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

    /** Each running show's billed seconds are written this often: the most a crash can lose. */
    @Inject
    @ConfigProperty(name = "ppv.metering.checkpoint-seconds", defaultValue = "5")
    int checkpointSeconds;

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

    public int checkpointSeconds() {
        return "naive".equals(mode) ? 1 : Math.max(1, checkpointSeconds);
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
