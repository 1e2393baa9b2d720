package ppvchat.wall.boundary;

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

/** A webmaster's performer wall, live (docs/protocol.md): the transport only; {@link WallTraffic} handles it. */
@ServerEndpoint(
        value = "/ws/webmasters/{webmasterId}/wall",
        subprotocols = WireFormat.SUBPROTOCOL,
        configurator = WallSocket.Factory.class)
public class WallSocket {

    private static final Logger LOG = Logger.getLogger(WallSocket.class.getName());

    /** Every wall socket shares the one {@link WallTraffic}. */
    public static class Factory extends Endpoints<WallTraffic> {
        public Factory() {
            super(WallTraffic.class, WallSocket::new);
        }
    }

    private final WallTraffic traffic;
    private Connection connection;

    WallSocket(WallTraffic traffic) {
        this.traffic = traffic;
    }

    @OnOpen
    public void open(Session session, @PathParam("webmasterId") long webmasterId) throws IOException {
        connection = traffic.open(session, webmasterId).orElse(null);
    }

    @OnMessage(maxMessageSize = RealtimeSettings.MAX_MESSAGE_BYTES)
    public void message(String text) {
        if (connection != null) {
            traffic.message(connection, text);
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
}
