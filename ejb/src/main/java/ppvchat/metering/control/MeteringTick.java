package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.platform.control.Deadlocks;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.rooms.entity.EndReason;

/**
 * The one metering tick of this JVM: every second it reads every running show's meter, warns of low
 * balances, asks for more hold, ends shows abandoned past the reconnection grace, expires unanswered
 * requests, and now and then settles the shows of nodes that died. Shows whose credits run out are ended by
 * their deadline ({@link ShowDeadlines}) at that instant; the tick only catches one the deadline missed.
 * The timer is not persistent: state is persisted, the timer is not. Nothing per show is written while it
 * runs: the node's heartbeat ({@link Heartbeat}) is what a crash settles from.
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

    @Inject
    Meters meters;

    @Inject
    LiveRooms rooms;

    @Inject
    MeteringWork work;

    @Inject
    ShowBilling billing;

    @Inject
    Rooms roomActions;

    @Inject
    ShowRecovery recovery;

    @Inject
    RoomEvents events;

    @Inject
    MeteringSettings settings;

    @Inject
    MeteringNode node;

    @Inject
    TickStats stats;

    @Inject
    Clock clock;

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
                work.extendOrEnd(show);
            } else if (reading.wantsMoreHold()) {
                work.extend(show.showId());
            }
            if (settings.naive()) {
                // The baseline the benchmark compares with: the tick itself writes every show, one by one.
                billing.checkpointAlone(show.showId(), reading.billedSeconds());
            }
        }
        for (Room room : rooms.all()) {
            room.abandonedShow(now, settings.reconnectGrace())
                    .ifPresent(abandoned -> work.settle(abandoned.showId(), EndReason.DISCONNECTED));
            for (long userId : room.lingering(now, settings.reconnectGrace())) {
                try {
                    Deadlocks.retried(() -> {
                        roomActions.gone(room.webmasterId(), userId, room.performerId());
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not take user " + userId + " out of room " + room.performerId(), e);
                }
            }
            room.expiredRequests(now, settings.requestTtl())
                    .forEach(
                            request -> work.inBackground(request.showId(), () -> roomActions.expire(request.showId())));
        }
        if (tick % node.timeout().toSeconds() == 0 && !node.stopping()) {
            work.inBackground(MeteringWork.DEAD_NODES, recovery::settleDeadNodes);
        }
        tick++;
        stats.record((System.nanoTime() - began) / 1_000, late, metered);
    }
}
