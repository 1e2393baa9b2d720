package ppvchat.rooms.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.chat.boundary.Chat;
import ppvchat.moderation.boundary.RoomModeration;
import ppvchat.platform.control.Deadlocks;
import ppvchat.realtime.BadMessage;
import ppvchat.realtime.ClientMessage;
import ppvchat.realtime.CloseCodes;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Fanout;
import ppvchat.realtime.ServerMessage;
import ppvchat.realtime.SocketErrors;
import ppvchat.realtime.SocketPrincipal;
import ppvchat.realtime.WireFormat;
import ppvchat.signaling.boundary.Signaling;
import ppvchat.tips.boundary.Tips;

/**
 * What comes in on room sockets: entering, chat, private shows, tips, signaling, typing and moderation. It
 * decodes a message, checks the socket's own limits, and calls one boundary method; the boundaries decide.
 * What happens in the room reaches the sockets through {@link RoomEventRelay}, never from here. One
 * instance serves every room socket, which keeps each socket small.
 */
@ApplicationScoped
public class RoomTraffic {

    private static final Logger LOG = Logger.getLogger(RoomTraffic.class.getName());

    @Inject
    Fanout fanout;

    @Inject
    RoomSeats seats;

    @Inject
    Visits visits;

    @Inject
    Rooms rooms;

    @Inject
    Chat chat;

    @Inject
    Tips tips;

    @Inject
    Signaling signaling;

    @Inject
    RoomModeration moderation;

    @Inject
    Welcomes welcomes;

    @Resource
    ManagedExecutorService executor;

    /** A new socket enters the room; empty when it had no handshake of ours (then it is closed). */
    public Optional<Connection> open(Session session, long webmasterId, long performerId) throws IOException {
        if (!(session.getUserPrincipal() instanceof SocketPrincipal principal)
                || principal.who().webmasterId() != webmasterId
                || !principal.who().signedIn()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return Optional.empty();
        }
        session.setMaxIdleTimeout(0); // the Fanout's sweep closes idle sockets
        Connection connection = fanout.register(session, principal, new Connection.Where(webmasterId, performerId));
        connection.onEnd(this::ended);
        long userId = connection.userId();
        try {
            Arrival arrival = seats.arrive(
                    webmasterId,
                    performerId,
                    userId,
                    () -> retried(() -> visits.arrive(webmasterId, userId, performerId)));
            if (!fanout.joined(connection, arrival.part().name())) {
                depart(connection); // it ended (kicked, say) while it was entering
                return Optional.of(connection);
            }
            connection.sendFirst(fanout.wire().encode(welcomes.of(connection, arrival)));
        } catch (RuntimeException e) {
            ServerMessage.Error error = SocketErrors.of(e, "join");
            connection.sendFirst(fanout.wire().encode(error));
            connection.end(CloseCodes.NOT_ENTERED, error.message());
        }
        return Optional.of(connection);
    }

    public void message(Connection connection, String text) {
        if (connection.isEnded()) {
            return;
        }
        connection.heard();
        ClientMessage message;
        try {
            message = fanout.wire().decode(text);
        } catch (BadMessage bad) {
            if (!limited(connection)) {
                reply(connection, SocketErrors.of(bad, null));
            }
            return;
        }
        String about = WireFormat.typeOf(message);
        try {
            if (message instanceof ClientMessage.Typing typing) {
                if (connection.allowTyping()) {
                    Connection.Where where = connection.where();
                    chat.typing(where.webmasterId(), connection.userId(), where.performerId(), typing.text());
                } else if (connection.refusedTooOften()) {
                    connection.end(CloseCodes.FLOOD, "flooding: too many typing previews");
                }
                return;
            }
            if (limited(connection)) {
                return;
            }
            handle(connection, message);
        } catch (RuntimeException e) {
            reply(connection, SocketErrors.of(e, about));
        }
    }

    private void handle(Connection connection, ClientMessage message) {
        long webmasterId = connection.where().webmasterId();
        long userId = connection.userId();
        long performerId = connection.where().performerId();
        if (message instanceof ClientMessage.Say say) {
            chat.say(webmasterId, userId, performerId, say.text());
        } else if (message instanceof ClientMessage.WatchTyping) {
            chat.watchTyping(webmasterId, userId, performerId);
            connection.watchTyping();
            reply(connection, new ServerMessage.WatchingTyping(performerId));
        } else if (message instanceof ClientMessage.RequestPrivate) {
            retried(() -> rooms.requestPrivate(webmasterId, userId, performerId));
        } else if (message instanceof ClientMessage.CancelPrivate cancel) {
            retried(() -> run(() -> rooms.cancel(webmasterId, userId, cancel.showId())));
        } else if (message instanceof ClientMessage.AcceptPrivate accept) {
            retried(() -> run(() -> rooms.accept(webmasterId, userId, accept.showId())));
        } else if (message instanceof ClientMessage.DeclinePrivate decline) {
            retried(() -> run(() -> rooms.decline(webmasterId, userId, decline.showId())));
        } else if (message instanceof ClientMessage.EndShow end) {
            retried(() -> run(() -> rooms.endShow(webmasterId, userId, end.showId())));
        } else if (message instanceof ClientMessage.StopShow stop) {
            retried(() -> run(() -> rooms.stopShow(webmasterId, userId, stop.showId())));
        } else if (message instanceof ClientMessage.Tip tip) {
            retried(() -> tips.tip(webmasterId, userId, performerId, tip.credits(), tip.key()));
        } else if (message instanceof ClientMessage.Signal signal) {
            signaling.relay(webmasterId, userId, performerId, signal.to(), signal.signal());
        } else if (message instanceof ClientMessage.Kick kick) {
            retried(() -> run(() -> moderation.kick(webmasterId, userId, performerId, kick.userId(), kick.reason())));
        } else if (message instanceof ClientMessage.Ban ban) {
            retried(() -> run(
                    () -> moderation.ban(webmasterId, userId, performerId, ban.userId(), ban.minutes(), ban.reason())));
        } else if (message instanceof ClientMessage.Mute mute) {
            retried(() -> run(() ->
                    moderation.mute(webmasterId, userId, performerId, mute.userId(), mute.minutes(), mute.reason())));
        } else if (message instanceof ClientMessage.RemoveChat remove) {
            moderation.remove(webmasterId, userId, performerId, remove.messageId());
        } else if (message instanceof ClientMessage.GoOffline) {
            if (!"PERFORMER".equals(connection.part())) {
                throw new BadMessage("not_allowed", "only the performer of this room can take it offline");
            }
            retried(() -> run(() -> rooms.goOffline(webmasterId, userId)));
        } else if (message instanceof ClientMessage.Ping) {
            reply(connection, new ServerMessage.Pong());
        }
    }

    /** However the socket ended: forget it, and leave the room when it was the user's last socket there. */
    private void ended(Connection ended) {
        fanout.unregister(ended);
        String part;
        synchronized (ended) {
            part = ended.part();
        }
        if (!part.isEmpty()) {
            depart(ended);
        }
    }

    /** Leaves the room when this was the user's last socket there; in the background, never in a callback. */
    private void depart(Connection ended) {
        Connection.Where where = ended.where();
        executor.execute(() -> {
            try {
                seats.depart(
                        where.webmasterId(),
                        where.performerId(),
                        ended.userId(),
                        () -> retried(() ->
                                run(() -> visits.depart(where.webmasterId(), ended.userId(), where.performerId()))));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not take user " + ended.userId() + " out of room " + where, e);
            }
        });
    }

    /** Over the allowance: an error, and a close once the client keeps flooding. */
    private boolean limited(Connection connection) {
        if (connection.allowMessage()) {
            return false;
        }
        if (connection.refusedTooOften()) {
            connection.end(CloseCodes.FLOOD, "flooding: too many messages");
        } else {
            reply(connection, new ServerMessage.Error("rate_limited", "slow down: too many messages", null));
        }
        return true;
    }

    private void reply(Connection connection, ServerMessage message) {
        connection.send(fanout.wire().encode(message));
    }

    private static <T> T retried(Supplier<T> call) {
        return Deadlocks.retried(call);
    }

    private static Void run(Runnable call) {
        call.run();
        return null;
    }
}
