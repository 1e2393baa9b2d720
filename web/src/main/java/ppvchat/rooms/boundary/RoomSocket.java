package ppvchat.rooms.boundary;

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
import ppvchat.realtime.CloseCodes;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Endpoints;
import ppvchat.realtime.RealtimeSettings;
import ppvchat.realtime.WireFormat;

/** A socket in one performer's room (docs/protocol.md): the transport only; {@link RoomTraffic} handles it. */
@ServerEndpoint(
        value = "/ws/webmasters/{webmasterId}/rooms/{performerId}",
        subprotocols = WireFormat.SUBPROTOCOL,
        configurator = RoomSocket.Factory.class)
public class RoomSocket {

    private static final Logger LOG = Logger.getLogger(RoomSocket.class.getName());

    /** Every room socket shares the one {@link RoomTraffic}. */
    public static class Factory extends Endpoints<RoomTraffic> {
        public Factory() {
            super(RoomTraffic.class, RoomSocket::new);
        }
    }

    private final RoomTraffic traffic;
    private Connection connection;

    RoomSocket(RoomTraffic traffic) {
        this.traffic = traffic;
    }

    @OnOpen
    public void open(
            Session session, @PathParam("webmasterId") long webmasterId, @PathParam("performerId") long performerId)
            throws IOException {
        connection = traffic.open(session, webmasterId, performerId).orElse(null);
    }

    @OnMessage(maxMessageSize = RealtimeSettings.MAX_MESSAGE_BYTES)
    public void message(String text) {
        if (connection != null) {
            traffic.message(connection, text);
        }
    }

    /** A client's answer to the connection's ping: how far it has read. */
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
        LOG.log(Level.FINE, "room socket failed", failure);
        if (connection != null) {
            connection.end(CloseCodes.SERVER_ERROR, "socket error");
        }
    }
}
