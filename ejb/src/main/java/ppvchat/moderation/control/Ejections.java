package ppvchat.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import ppvchat.metering.boundary.ShowBilling;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.entity.EndReason;

/**
 * Takes a user out of rooms because a moderator acted, in the caller's transaction: their private show ends
 * and is settled as any show is ({@code MODERATOR}), their request is withdrawn, and they leave. The same for
 * staff acting in a room and for the console.
 */
@ApplicationScoped
public class Ejections {

    @Inject
    LiveRooms rooms;

    @Inject
    Rooms roomActions;

    @Inject
    ShowBilling billing;

    /** Whether the user watches the room, waits for a private answer there or is in its show. */
    public boolean isIn(Room room, long userId) {
        return room.isWatcher(userId)
                || room.requests().stream().anyMatch(r -> r.userId() == userId)
                || room.running().filter(show -> show.userId() == userId).isPresent();
    }

    /** The user leaves the room; their show or request ends because a moderator acted. */
    public void takeOut(Room room, long userId) {
        room.running()
                .filter(show -> show.userId() == userId)
                .ifPresent(show -> billing.settle(show.showId(), EndReason.MODERATOR));
        if (room.isWatcher(userId) || room.requests().stream().anyMatch(r -> r.userId() == userId)) {
            roomActions.leave(room.webmasterId(), userId, room.performerId());
        }
    }

    /** Out of every room of the site; returns the performers whose rooms they were in. */
    public List<Long> takeOutEverywhere(long webmasterId, long userId) {
        List<Long> were = new ArrayList<>();
        for (Room any : rooms.all()) {
            if (any.webmasterId() == webmasterId && isIn(any, userId)) {
                takeOut(any, userId);
                were.add(any.performerId());
            }
        }
        return were;
    }
}
