package ppvchat.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ppvchat.performers.entity.PerformerStatus;
import ppvchat.platform.entity.DomainException;

/**
 * Every open room of this JVM, keyed by performer id. One instance, no lock: the map is concurrent and
 * each {@link Room} guards itself, so the metering tick and requests never queue behind each other. A
 * CDI bean rather than an EJB because transaction-completion callbacks open and close rooms.
 */
@ApplicationScoped
public class LiveRooms {

    private final ConcurrentMap<Long, Room> rooms = new ConcurrentHashMap<>();

    /** Opens the performer's room, or returns it when already open. */
    public Room open(long webmasterId, long performerId, long performerUserId) {
        return rooms.computeIfAbsent(performerId, id -> new Room(webmasterId, id, performerUserId));
    }

    public Optional<Room> room(long performerId) {
        return Optional.ofNullable(rooms.get(performerId));
    }

    /** The performer's open room; a clear error when they are offline. */
    public Room openRoom(long performerId) {
        return room(performerId).orElseThrow(() -> new DomainException("the performer is offline"));
    }

    public Optional<Room> close(long performerId) {
        return Optional.ofNullable(rooms.remove(performerId));
    }

    public PerformerStatus statusOf(long performerId) {
        Room room = rooms.get(performerId);
        if (room == null) {
            return PerformerStatus.OFFLINE;
        }
        return room.isBusy() ? PerformerStatus.BUSY : PerformerStatus.ONLINE;
    }

    public Collection<Room> all() {
        return List.copyOf(rooms.values());
    }
}
