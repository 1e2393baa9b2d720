package ppvchat.rooms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ppvchat.rooms.boundary.RoomEvent;

/** Records every room event as the real-time layer would receive it. */
@ApplicationScoped
public class RoomEventLog {

    private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

    void record(@Observes RoomEvent event) {
        events.add(event);
    }

    public <T extends RoomEvent> List<T> of(Class<T> type, long performerId) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(event -> event.performerId() == performerId)
                .toList();
    }
}
