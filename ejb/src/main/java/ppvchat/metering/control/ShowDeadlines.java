package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a show at the instant its credits run out, not at the next tick: each meter knows that instant, and
 * a deadline armed for it hands the show to {@link MeteringWork} (hold more if the user topped up, else
 * end). Re-armed whenever the hold grows. The tick stays as the safety net.
 */
@ApplicationScoped
public class ShowDeadlines {

    private static final long RETRY_MILLIS = 100;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MeteringWork work;

    @Inject
    Meters meters;

    @Inject
    Clock clock;

    private final ConcurrentMap<Long, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    public void arm(MeteredShow show) {
        armAt(show, show.meter().exhaustsAt());
    }

    public void disarm(long showId) {
        ScheduledFuture<?> pending = armed.remove(showId);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void armAt(MeteredShow show, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        ScheduledFuture<?> next = scheduler.schedule(() -> due(show), delay, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = armed.put(show.showId(), next);
        if (previous != null && previous != next) {
            previous.cancel(false);
        }
    }

    private void due(MeteredShow show) {
        if (meters.get(show.showId()).isEmpty()) {
            return; // settled meanwhile
        }
        Instant now = clock.instant();
        Instant runsOut = show.meter().exhaustsAt();
        if (runsOut.isAfter(now)) {
            armAt(show, runsOut);
        } else if (!work.extendOrEnd(show)) {
            armAt(show, now.plusMillis(RETRY_MILLIS));
        }
    }
}
