package ppvchat.rooms.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.ledger.control.CreditsChanged;
import ppvchat.payments.entity.PaymentChanged;
import ppvchat.realtime.CloseCodes;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Fanout;
import ppvchat.realtime.ServerMessage;

/**
 * Turns what happened in rooms (committed) into protocol messages and hands them to the {@link Fanout}.
 * Decides only who hears what: the two sides of a show, the performer and staff, one user, the wall.
 * Watcher counts go out at most once a second per room, so a crowd arriving costs one message each, not
 * one per arrival per watcher.
 */
@ApplicationScoped
public class RoomEventRelay {

    private static final Logger LOG = Logger.getLogger(RoomEventRelay.class.getName());

    private record RoomKey(long webmasterId, long performerId) {}

    @Inject
    Fanout fanout;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<RoomKey> presenceChanged = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> presence;

    @PostConstruct
    void startPresence() {
        presence = scheduler.scheduleWithFixedDelay(this::sendPresence, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopPresence() {
        presence.cancel(false);
    }

    void on(@Observes RoomEvent event) {
        long w = event.webmasterId();
        long p = event.performerId();
        if (event instanceof RoomEvent.PerformerOnline) {
            fanout.toWall(w, new ServerMessage.Status(p, "ONLINE"));
        } else if (event instanceof RoomEvent.PerformerOffline) {
            fanout.toWall(w, new ServerMessage.Status(p, "OFFLINE"));
            fanout.endRoom(
                    w,
                    p,
                    new ServerMessage.Ejected("offline", "the performer went offline"),
                    CloseCodes.EJECTED,
                    "the performer went offline");
        } else if (event instanceof RoomEvent.WatcherEntered entered) {
            // The entering socket may not know its part yet: its arrival commits before it returns.
            fanout.connectionOf(w, p, entered.userId())
                    .ifPresent(c -> fanout.toRoom(
                            w, p, new ServerMessage.WatcherJoined(person(c)), Connection::isStaffOrPerformer));
            presenceChanged.add(new RoomKey(w, p));
        } else if (event instanceof RoomEvent.WatcherLeft left) {
            fanout.toRoom(w, p, new ServerMessage.WatcherLeft(left.userId()), Connection::isStaffOrPerformer);
            presenceChanged.add(new RoomKey(w, p));
        } else if (event instanceof RoomEvent.WatcherEjected ejected) {
            fanout.endUser(
                    w,
                    ejected.userId(),
                    p,
                    new ServerMessage.Ejected("ejected", ejected.reason()),
                    CloseCodes.EJECTED,
                    ejected.reason());
            presenceChanged.add(new RoomKey(w, p));
        } else if (event instanceof RoomEvent.PrivateRequested requested) {
            var message = new ServerMessage.PrivateRequested(
                    requested.showId(), personIn(w, p, requested.userId()), requested.ratePerMinute());
            toPerformerAnd(w, p, requested.userId(), message);
        } else if (event instanceof RoomEvent.PrivateCancelled cancelled) {
            toPerformerAnd(w, p, cancelled.userId(), new ServerMessage.PrivateCancelled(cancelled.showId()));
        } else if (event instanceof RoomEvent.PrivateDeclined declined) {
            toPerformerAnd(w, p, declined.userId(), new ServerMessage.PrivateDeclined(declined.showId()));
        } else if (event instanceof RoomEvent.PrivateExpired expired) {
            toPerformerAnd(w, p, expired.userId(), new ServerMessage.PrivateExpired(expired.showId()));
        } else if (event instanceof RoomEvent.ShowStarted started) {
            fanout.toRoom(
                    w,
                    p,
                    new ServerMessage.ShowStarted(
                            started.showId(),
                            started.userId(),
                            started.ratePerMinute(),
                            started.freeSeconds(),
                            started.rounding()));
            fanout.toWall(w, new ServerMessage.Status(p, "BUSY"));
        } else if (event instanceof RoomEvent.ShowEnded ended) {
            fanout.toRoom(
                    w,
                    p,
                    new ServerMessage.ShowEnded(
                            ended.showId(),
                            ended.userId(),
                            ended.reason().name(),
                            ended.billedSeconds(),
                            ended.creditsCharged()));
            fanout.toWall(w, new ServerMessage.Status(p, "ONLINE"));
            presenceChanged.add(new RoomKey(w, p));
        } else if (event instanceof RoomEvent.LowBalance low) {
            fanout.toUser(w, low.userId(), new ServerMessage.LowBalance(low.showId(), low.secondsLeft()));
        } else if (event instanceof RoomEvent.TipSent tip) {
            fanout.toRoom(
                    w,
                    p,
                    new ServerMessage.Tipped(
                            tip.userId(), personIn(w, p, tip.userId()).name(), tip.credits()));
        } else if (event instanceof RoomEvent.ChatPosted posted) {
            var message = Welcomes.chat(w, posted.line());
            if (posted.onlyTo().isEmpty()) {
                fanout.toRoom(w, p, message);
            } else {
                fanout.toRoom(w, p, message, c -> posted.onlyTo().contains(c.userId()));
            }
        } else if (event instanceof RoomEvent.ChatRemoved removed) {
            fanout.toRoom(w, p, new ServerMessage.ChatRemoved(removed.lineId()));
        } else if (event instanceof RoomEvent.TypingPreview typing) {
            fanout.toRoom(
                    w,
                    p,
                    new ServerMessage.Typing(typing.userId(), typing.username(), typing.text()),
                    c -> c.watchesTyping() && c.userId() != typing.userId());
        } else if (event instanceof RoomEvent.Signal signal) {
            fanout.toUserInRoom(
                    w, p, signal.toUserId(), new ServerMessage.Signal(signal.fromUserId(), signal.signal()));
        } else if (event instanceof RoomEvent.Kicked kicked) {
            fanout.endUser(
                    w,
                    kicked.userId(),
                    p,
                    new ServerMessage.Ejected("kicked", kicked.reason()),
                    CloseCodes.KICKED,
                    kicked.reason());
            fanout.toRoom(w, p, new ServerMessage.Moderation("kick", kicked.userId(), kicked.reason(), null));
        } else if (event instanceof RoomEvent.Banned banned) {
            fanout.endUser(
                    w,
                    banned.userId(),
                    0,
                    new ServerMessage.Ejected("banned", banned.reason() + " (until " + banned.until() + ")"),
                    CloseCodes.BANNED,
                    "banned until " + banned.until());
            fanout.toRoom(w, p, new ServerMessage.Moderation("ban", banned.userId(), banned.reason(), banned.until()));
        } else if (event instanceof RoomEvent.Muted muted) {
            fanout.toRoom(w, p, new ServerMessage.Moderation("mute", muted.userId(), muted.reason(), muted.until()));
        }
    }

    void on(@Observes CreditsChanged change) {
        fanout.toUser(
                change.webmasterId(), change.userId(), new ServerMessage.Balance(change.credits(), change.available()));
    }

    void on(@Observes PaymentChanged change) {
        fanout.toUser(
                change.webmasterId(),
                change.userId(),
                new ServerMessage.Payment(change.order(), change.status(), change.credits()));
    }

    private void toPerformerAnd(long w, long p, long userId, ServerMessage message) {
        fanout.toRoom(w, p, message, c -> "PERFORMER".equals(c.part()) || c.userId() == userId);
    }

    private ServerMessage.Person personIn(long w, long p, long userId) {
        return fanout.connectionOf(w, p, userId)
                .map(RoomEventRelay::person)
                .orElse(new ServerMessage.Person(userId, "#" + userId, "USER"));
    }

    private static ServerMessage.Person person(Connection connection) {
        return new ServerMessage.Person(
                connection.userId(),
                connection.who().username(),
                connection.role().name());
    }

    private void sendPresence() {
        try {
            for (RoomKey room : Set.copyOf(presenceChanged)) {
                presenceChanged.remove(room);
                fanout.toRoom(
                        room.webmasterId(),
                        room.performerId(),
                        new ServerMessage.Presence(fanout.watcherCount(room.webmasterId(), room.performerId())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not send watcher counts", e);
        }
    }
}
