package ppvchat.wall.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.realtime.BadMessage;
import ppvchat.realtime.ClientMessage;
import ppvchat.realtime.CloseCodes;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Fanout;
import ppvchat.realtime.ServerMessage;
import ppvchat.realtime.SocketErrors;
import ppvchat.realtime.SocketPrincipal;
import ppvchat.realtime.WireFormat;

/**
 * What comes in on wall sockets: every performer's status on opening, then only {@code ping}. Open to
 * visitors who have not signed in (the handshake still checked the origin); a signed-in socket also
 * receives the user's balance. One instance serves every wall socket.
 */
@ApplicationScoped
public class WallTraffic {

    @Inject
    Fanout fanout;

    @Inject
    PerformerWall wall;

    public Optional<Connection> open(Session session, long webmasterId) throws IOException {
        if (!(session.getUserPrincipal() instanceof SocketPrincipal principal)
                || principal.who().webmasterId() != webmasterId) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no handshake"));
            return Optional.empty();
        }
        session.setMaxIdleTimeout(0); // the Fanout's sweep closes idle sockets
        Connection connection = fanout.register(session, principal, Connection.Where.wall(webmasterId));
        connection.onEnd(fanout::unregister);
        try {
            connection.sendFirst(fanout.wire()
                    .encode(new ServerMessage.Wall(
                            WireFormat.VERSION,
                            wall.of(webmasterId).stream()
                                    .map(entry -> new ServerMessage.Performer(
                                            entry.performerId(), entry.status().name()))
                                    .toList())));
        } catch (RuntimeException e) {
            connection.sendFirst(fanout.wire().encode(SocketErrors.of(e, "wall")));
            connection.end(CloseCodes.SERVER_ERROR, "the wall could not be read");
        }
        return Optional.of(connection);
    }

    public void message(Connection connection, String text) {
        if (connection.isEnded()) {
            return;
        }
        connection.heard();
        if (!connection.allowMessage()) {
            if (connection.refusedTooOften()) {
                connection.end(CloseCodes.FLOOD, "flooding: too many messages");
            }
            return;
        }
        try {
            ClientMessage message = fanout.wire().decode(text);
            if (message instanceof ClientMessage.Ping) {
                reply(connection, new ServerMessage.Pong());
            } else {
                reply(
                        connection,
                        new ServerMessage.Error(
                                "not_allowed", "the wall socket takes only ping", WireFormat.typeOf(message)));
            }
        } catch (BadMessage bad) {
            reply(connection, SocketErrors.of(bad, null));
        }
    }

    private void reply(Connection connection, ServerMessage message) {
        connection.send(fanout.wire().encode(message));
    }
}
