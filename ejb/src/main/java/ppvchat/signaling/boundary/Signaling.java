package ppvchat.signaling.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.signaling.control.IceServers;

/**
 * Relays WebRTC offers, answers and ICE candidates between the performer and one peer in the same room:
 * a watcher or staff while the room is public, only the paying user while it is private. One peer
 * connection per watcher; nothing else is relayed and nothing is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Signaling {

    @Inject
    LiveRooms rooms;

    @Inject
    IceServers iceServers;

    @Inject
    RoomEvents events;

    public void relay(long webmasterId, long fromUserId, long performerId, long toUserId, JsonObject signal) {
        Room room = rooms.openRoom(performerId);
        if (room.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        if (signal == null || signal.isEmpty()) {
            throw new DomainException("a signal needs its offer, answer or candidate");
        }
        long performer = room.performerUserId();
        boolean fromPerformer = fromUserId == performer;
        long peer = fromPerformer ? toUserId : fromUserId;
        if (!fromPerformer && toUserId != performer) {
            throw new DomainException("signals go between you and the performer only");
        }
        if (!mayConnect(room, peer)) {
            throw new DomainException(fromPerformer ? "that peer is not in your room" : "join the room first");
        }
        events.publish(new RoomEvent.Signal(webmasterId, performerId, fromUserId, toUserId, signal));
    }

    public List<IceServer> iceServersFor(long webmasterId, long userId) {
        return iceServers.forUser(webmasterId, userId);
    }

    private static boolean mayConnect(Room room, long peer) {
        return room.running()
                .map(show -> show.userId() == peer)
                .orElseGet(() -> room.isWatcher(peer) || room.isObserver(peer));
    }
}
