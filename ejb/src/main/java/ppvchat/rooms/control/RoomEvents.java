package ppvchat.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import ppvchat.platform.control.AfterCompletion;
import ppvchat.rooms.boundary.RoomEvent;

/**
 * The one place rooms announce what happened. Inside a transaction the event waits for the commit and
 * is dropped on rollback, so nobody hears of a show that never started; outside one (the metering
 * tick) it goes out at once. Observers are plain {@code @Observes RoomEvent} methods.
 */
@ApplicationScoped
public class RoomEvents {

    private static final Logger LOG = Logger.getLogger(RoomEvents.class.getName());

    @Inject
    Event<RoomEvent> events;

    @Inject
    AfterCompletion afterCompletion;

    public void publish(RoomEvent event) {
        afterCompletion.onCommit(() -> fire(event));
    }

    private void fire(RoomEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            // A failing listener must not undo or block what already happened in the room.
            LOG.log(Level.WARNING, "a room event listener failed on " + event, e);
        }
    }
}
