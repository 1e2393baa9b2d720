package ppvchat.rooms.boundary;

import java.time.Instant;
import java.util.List;
import ppvchat.accounts.entity.Role;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.performers.entity.PerformerStatus;
import ppvchat.signaling.boundary.IceServer;

/** What someone entering a room needs to know at once: who they are there, the room, and their money. */
public record Arrival(
        Part part,
        long performerId,
        long performerUserId,
        String performerName,
        int ratePerMinute,
        PerformerStatus status,
        Show show,
        long credits,
        long available,
        List<Person> watchers,
        List<Request> requests,
        List<ChatLine> history,
        List<IceServer> iceServers) {

    /** How someone is in a room: its performer, staff looking on, or a watcher. */
    public enum Part {
        PERFORMER,
        STAFF,
        WATCHER
    }

    /**
     * The running show the arriving socket may know of (its own, or the room's for the performer and staff),
     * so that a page reloaded mid-show can show its meter from where it stands.
     */
    public record Show(
            long showId, long userId, int ratePerMinute, int freeSeconds, String rounding, long elapsedSeconds) {}

    /** Someone in the room, as others see them. */
    public record Person(long userId, String username, Role role) {}

    /** A private request waiting for the performer's answer. */
    public record Request(
            long showId, long userId, String username, Role role, int ratePerMinute, Instant requestedAt) {}
}
