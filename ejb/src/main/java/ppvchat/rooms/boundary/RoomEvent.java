package ppvchat.rooms.boundary;

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

    record ShowStarted(long webmasterId, long performerId, long showId, long userId, int ratePerMinute)
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
}
