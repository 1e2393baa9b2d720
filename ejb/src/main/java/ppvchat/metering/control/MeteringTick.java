package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.rooms.entity.EndReason;

/**
 * The one metering tick of this JVM: every second it reads every running show's meter, warns of low
 * balances, asks for more hold, ends shows whose credits ran out, ends shows abandoned past the
 * reconnection grace, expires unanswered requests, and checkpoints a slice of the shows so that each is
 * written once per checkpoint interval. The timer is not persistent: state is persisted, the timer is
 * not. Database work runs on the managed executor so that the tick stays short.
 */
@Startup
@Singleton
@DependsOn("ShowRecovery")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeteringTick {

    private static final Logger LOG = Logger.getLogger(MeteringTick.class.getName());

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Meters meters;

    @Inject
    LiveRooms rooms;

    @Inject
    ShowBilling billing;

    @Inject
    Rooms roomActions;

    @Inject
    RoomEvents events;

    @Inject
    MeteringSettings settings;

    @Inject
    TickStats stats;

    @Inject
    Clock clock;

    /** Shows with database work under way, so that a slow write is not queued again every second. */
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();

    private long tick;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1_000, 1_000, new TimerConfig("metering tick", false));
    }

    @Timeout
    void tick(Timer timer) {
        long began = System.nanoTime();
        Instant now = clock.instant();
        long late = Math.max(0, now.toEpochMilli() - (timer.getNextTimeout().getTime() - 1_000));
        int checkpointSlices = settings.checkpointSeconds();
        // Sorted by show id: every checkpoint locks its rows in the same order.
        Map<Long, Long> checkpoints = new TreeMap<>();
        int metered = 0;
        for (MeteredShow show : meters.all()) {
            metered++;
            MeterReading reading = show.meter().readAt(now);
            if (reading.warnSecondsLeft() != null) {
                events.publish(new RoomEvent.LowBalance(
                        show.webmasterId(),
                        show.performerId(),
                        show.showId(),
                        show.meter().userId(),
                        reading.secondsLeft()));
            }
            if (reading.exhausted()) {
                inBackground(show.showId(), () -> extendOrEnd(show));
            } else if (reading.wantsMoreHold()) {
                inBackground(show.showId(), () -> billing.extend(show.showId()));
            }
            if (Math.floorMod(show.showId() + tick, checkpointSlices) == 0) {
                checkpoints.put(show.showId(), reading.billedSeconds());
            }
        }
        for (Room room : rooms.all()) {
            room.abandonedShow(now, settings.reconnectGrace())
                    .ifPresent(abandoned -> inBackground(
                            abandoned.showId(), () -> billing.settleNow(abandoned.showId(), EndReason.DISCONNECTED)));
            room.expiredRequests(now, settings.requestTtl())
                    .forEach(request -> inBackground(request.showId(), () -> roomActions.expire(request.showId())));
        }
        writeCheckpoints(checkpoints, now);
        tick++;
        stats.record((System.nanoTime() - began) / 1_000, late, metered);
    }

    /** Out of credits: hold more if the user has any (a top-up), otherwise end the show now. */
    private void extendOrEnd(MeteredShow show) {
        if (!billing.extend(show.showId())
                || show.meter().readAt(clock.instant()).exhausted()) {
            billing.settleNow(show.showId(), EndReason.CREDITS_EXHAUSTED);
        }
    }

    private void writeCheckpoints(Map<Long, Long> checkpoints, Instant now) {
        if (checkpoints.isEmpty()) {
            return;
        }
        if (settings.naive()) {
            // The baseline the benchmark compares with: the tick itself writes every show, one by one.
            checkpoints.forEach((showId, billed) -> billing.checkpointAlone(showId, billed, now));
        } else {
            try {
                executor.execute(() -> billing.checkpoint(checkpoints, now));
            } catch (RejectedExecutionException full) {
                // These shows are checkpointed with their next slice; the crash bound grows by one interval.
                LOG.warning(() -> "executor full: checkpoint of " + checkpoints.size() + " shows postponed");
            }
        }
    }

    private void inBackground(long showId, Runnable work) {
        if (!busy.add(showId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "metering work for show " + showId + " failed; retrying next tick", e);
                } finally {
                    busy.remove(showId);
                }
            });
        } catch (RejectedExecutionException full) {
            // The executor's queue is full: the next tick asks again. Billing never passes the hold meanwhile.
            busy.remove(showId);
        }
    }

    /** A clean shutdown bills every running show to the second. */
    @PreDestroy
    void settleAll() {
        for (MeteredShow show : meters.all()) {
            try {
                billing.settleNow(show.showId(), EndReason.SERVER_RESTART);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "show " + show.showId() + " stays open; it is settled on the next start", e);
            }
        }
    }
}
