package ppvchat.rooms.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.rooms.entity.EndReason;

/**
 * Something that happened in a room, announced after the transaction that caused it committed. The
 * real-time layer and the console observe these ({@code @Observes RoomEvent}); every event names the
 * webmaster and the performer whose room it concerns, so fan-out can be keyed by room.
 */
public sealed interface RoomEvent {

    long webmasterId();

    long performerId();

    record PerformerOnline(long webmasterId, long performerId) implements RoomEvent {}

    record PerformerOffline(long webmasterId, long performerId) implements RoomEvent {}

    record WatcherEntered(long webmasterId, long performerId, long userId) implements RoomEvent {}

    record WatcherLeft(long webmasterId, long performerId, long userId) implements RoomEvent {}

    /** A watcher had to leave: the room went private, the performer left, or a moderator acted. */
    record WatcherEjected(long webmasterId, long performerId, long userId, String reason) implements RoomEvent {}

    record PrivateRequested(long webmasterId, long performerId, long showId, long userId, int ratePerMinute)
            implements RoomEvent {}

    record PrivateDeclined(long webmasterId, long performerId, long showId, long userId) implements RoomEvent {}

    record PrivateCancelled(long webmasterId, long performerId, long showId, long userId) implements RoomEvent {}

    record PrivateExpired(long webmasterId, long performerId, long showId, long userId) implements RoomEvent {}

    /**
     * {@code freeSeconds}: the site's grace, the first seconds of the show that are not billed; {@code rounding}:
     * how billed seconds become credits (UP, DOWN, HALF_UP), so that a meter shows what will be charged.
     */
    record ShowStarted(
            long webmasterId,
            long performerId,
            long showId,
            long userId,
            int ratePerMinute,
            int freeSeconds,
            String rounding)
            implements RoomEvent {}

    record ShowEnded(
            long webmasterId,
            long performerId,
            long showId,
            long userId,
            EndReason reason,
            long billedSeconds,
            long creditsCharged)
            implements RoomEvent {}

    /** The user's credits run low during a show: about {@code secondsLeft} seconds remain. */
    record LowBalance(long webmasterId, long performerId, long showId, long userId, long secondsLeft)
            implements RoomEvent {}

    record TipSent(long webmasterId, long performerId, long userId, long credits, long tipId) implements RoomEvent {}

    /** A chat line for everyone in the room, or only for {@code onlyTo} (the two sides of a private show). */
    record ChatPosted(long webmasterId, long performerId, ChatLine line, Set<Long> onlyTo) implements RoomEvent {

        public ChatPosted {
            onlyTo = Set.copyOf(onlyTo);
        }
    }

    record ChatRemoved(long webmasterId, long performerId, String lineId) implements RoomEvent {}

    /** What someone is typing, for those in the room allowed to watch live typing, and nobody else. */
    record TypingPreview(long webmasterId, long performerId, long userId, String username, String text)
            implements RoomEvent {}

    /** A WebRTC signal (offer, answer, ICE candidate) for one peer in the room. */
    record Signal(long webmasterId, long performerId, long fromUserId, long toUserId, JsonObject signal)
            implements RoomEvent {}

    /** A moderator took someone out of the room; they may come back. */
    record Kicked(long webmasterId, long performerId, long userId, String reason) implements RoomEvent {}

    /** A moderator banned someone from the whole site until {@code until}; {@code performerId} is where. */
    record Banned(long webmasterId, long performerId, long userId, Instant until, String reason) implements RoomEvent {}

    record Muted(long webmasterId, long performerId, long userId, Instant until, String reason) implements RoomEvent {}
}
