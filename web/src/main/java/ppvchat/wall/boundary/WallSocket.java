package ppvchat.wall.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.performers.boundary.PerformerWall;
import ppvchat.realtime.BadMessage;
import ppvchat.realtime.ClientMessage;
import ppvchat.realtime.CloseCodes;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Fanout;
import ppvchat.realtime.RealtimeSettings;
import ppvchat.realtime.ServerMessage;
import ppvchat.realtime.SocketErrors;
import ppvchat.realtime.SocketPrincipal;
import ppvchat.realtime.WireFormat;

/**
 * A webmaster's performer wall, live: every performer's status on opening, then each change. Open to
 * visitors who have not signed in (the origin is still checked); a signed-in socket also receives the
 * user's balance. Accepts only {@code ping}.
 */
@ServerEndpoint(value = "/ws/webmasters/{webmasterId}/wall", subprotocols = WireFormat.SUBPROTOCOL)
public class WallSocket {

    private static final Logger LOG = Logger.getLogger(WallSocket.class.getName());

    @Inject
    Fanout fanout;

    @Inject
    RealtimeSettings settings;

    @Inject
    PerformerWall wall;

    private Connection connection;

    @OnOpen
    public void open(Session session, @PathParam("webmasterId") long webmasterId) throws IOException {
        if (!(session.getUserPrincipal() instanceof SocketPrincipal principal)
                || principal.who().webmasterId() != webmasterId) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no handshake"));
            return;
        }
        session.setMaxIdleTimeout(0); // the Fanout's sweep closes idle sockets
        connection = fanout.register(session, principal, Connection.Where.wall(webmasterId));
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
    }

    @OnMessage(maxMessageSize = RealtimeSettings.MAX_MESSAGE_BYTES)
    public void message(String text) {
        if (connection == null || connection.isEnded()) {
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
                reply(new ServerMessage.Pong());
            } else {
                reply(new ServerMessage.Error(
                        "not_allowed", "the wall socket takes only ping", WireFormat.typeOf(message)));
            }
        } catch (BadMessage bad) {
            reply(SocketErrors.of(bad, null));
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        if (connection != null) {
            connection.ponged(pong.getApplicationData());
        }
    }

    @OnClose
    public void closed(CloseReason reason) {
        if (connection != null) {
            connection.end(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }
    }

    @OnError
    public void failed(Throwable failure) {
        LOG.log(Level.FINE, "wall socket failed", failure);
        if (connection != null) {
            connection.end(CloseCodes.SERVER_ERROR, "socket error");
        }
    }

    private void reply(ServerMessage message) {
        connection.send(fanout.wire().encode(message));
    }
}
