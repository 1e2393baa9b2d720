package ppvchat.metering.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Writes this node's heartbeat once a second on a thread of its own, so that neither the metering tick nor
 * any queue of work can delay it. What a crash can cost a running show is the time since the last
 * heartbeat that landed; a failed write is tried again at once, and a gap is logged.
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());
    private static final long PERIOD_MILLIS = 1_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NodeRegistry registry;

    @Inject
    MeteringNode node;

    @Inject
    Clock clock;

    private ScheduledExecutorService scheduler;
    private Instant lastLanded;
    private long beats;
    private long failures;
    private long maxGapMillis;

    /** Starts beating; the node's row must be registered. */
    public synchronized void start(Instant registeredAt) {
        if (scheduler != null) {
            return;
        }
        lastLanded = registeredAt;
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        scheduler.scheduleAtFixedRate(this::beat, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops beating, for a clean stop that then writes the node's last word itself. */
    @PreDestroy
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void beat() {
        Instant at = clock.instant();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                registry.beat(node.name(), at);
                landed(at);
                return;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private synchronized void landed(Instant at) {
        long gap = at.toEpochMilli() - lastLanded.toEpochMilli();
        if (gap > 2 * PERIOD_MILLIS) {
            LOG.warning(() -> "heartbeat gap of " + gap + " ms: a crash in it would cost running shows that long");
        }
        maxGapMillis = Math.max(maxGapMillis, gap);
        lastLanded = at;
        beats++;
    }

    private synchronized void failed(RuntimeException e) {
        failures++;
        LOG.warning(() -> "heartbeat write failed: " + e.getMessage());
    }

    public synchronized Stats stats() {
        return new Stats(beats, failures, maxGapMillis, lastLanded);
    }

    /** Heartbeats since start: landed, failed writes, the longest time between two that landed. */
    public record Stats(long beats, long failures, long maxGapMillis, Instant lastLanded) {}
}
