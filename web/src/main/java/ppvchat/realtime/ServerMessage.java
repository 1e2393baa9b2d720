package ppvchat.realtime;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.time.Instant;
import java.util.List;

/** What the server sends on the sockets, one record per kind; {@code type} names the kind. */
@JsonbTypeInfo(
        key = "type",
        value = {
            @JsonbSubtype(alias = "welcome", type = ServerMessage.Welcome.class),
            @JsonbSubtype(alias = "presence", type = ServerMessage.Presence.class),
            @JsonbSubtype(alias = "watcher.joined", type = ServerMessage.WatcherJoined.class),
            @JsonbSubtype(alias = "watcher.left", type = ServerMessage.WatcherLeft.class),
            @JsonbSubtype(alias = "chat", type = ServerMessage.Chat.class),
            @JsonbSubtype(alias = "chat.removed", type = ServerMessage.ChatRemoved.class),
            @JsonbSubtype(alias = "typing", type = ServerMessage.Typing.class),
            @JsonbSubtype(alias = "typing.watching", type = ServerMessage.WatchingTyping.class),
            @JsonbSubtype(alias = "private.requested", type = ServerMessage.PrivateRequested.class),
            @JsonbSubtype(alias = "private.cancelled", type = ServerMessage.PrivateCancelled.class),
            @JsonbSubtype(alias = "private.declined", type = ServerMessage.PrivateDeclined.class),
            @JsonbSubtype(alias = "private.expired", type = ServerMessage.PrivateExpired.class),
            @JsonbSubtype(alias = "show.started", type = ServerMessage.ShowStarted.class),
            @JsonbSubtype(alias = "show.ended", type = ServerMessage.ShowEnded.class),
            @JsonbSubtype(alias = "ejected", type = ServerMessage.Ejected.class),
            @JsonbSubtype(alias = "moderation", type = ServerMessage.Moderation.class),
            @JsonbSubtype(alias = "tip", type = ServerMessage.Tipped.class),
            @JsonbSubtype(alias = "balance", type = ServerMessage.Balance.class),
            @JsonbSubtype(alias = "balance.low", type = ServerMessage.LowBalance.class),
            @JsonbSubtype(alias = "payment", type = ServerMessage.Payment.class),
            @JsonbSubtype(alias = "signal", type = ServerMessage.Signal.class),
            @JsonbSubtype(alias = "wall", type = ServerMessage.Wall.class),
            @JsonbSubtype(alias = "status", type = ServerMessage.Status.class),
            @JsonbSubtype(alias = "error", type = ServerMessage.Error.class),
            @JsonbSubtype(alias = "pong", type = ServerMessage.Pong.class)
        })
public sealed interface ServerMessage {

    /** Someone in a room, as others see them. */
    record Person(long id, String name, String role) {}

    record Room(long performerId, long performerUserId, String performerName, int ratePerMinute, String status) {}

    record Money(long credits, long available) {}

    record Request(long showId, Person user, int ratePerMinute, Instant requestedAt) {}

    record Ice(List<String> urls, String username, String credential) {}

    /**
     * The first message on a room socket. {@code part} is PERFORMER, STAFF or WATCHER; {@code watchers}
     * lists who watches for the performer and staff only; {@code showId} is your running show, if any.
     */
    record Welcome(
            int protocol,
            Person you,
            String part,
            Room room,
            Long showId,
            Show show,
            Money balance,
            int watcherCount,
            List<Person> watchers,
            List<Request> requests,
            List<Chat> history,
            List<Ice> iceServers)
            implements ServerMessage {}

    /** A running show as a page entering mid-show needs it: {@code elapsedSeconds} since it started. */
    record Show(long showId, long userId, int ratePerMinute, int freeSeconds, String rounding, long elapsedSeconds) {}

    /** How many watch the room; sent at most once a second per room. */
    record Presence(int watchers) implements ServerMessage {}

    /** For the performer and staff. */
    record WatcherJoined(Person person) implements ServerMessage {}

    record WatcherLeft(long userId) implements ServerMessage {}

    /**
     * A chat line; {@code showId} is set for chat inside a private show. Text is plain text, never HTML. A shared
     * photo is a line with empty text and its {@code photo}.
     */
    record Chat(String id, Person from, String text, Instant at, Long showId, Photo photo) implements ServerMessage {}

    /** A photo in a chat line: where to load it (a path on this server) and its size in pixels. */
    record Photo(String url, int width, int height) {}

    record ChatRemoved(String id) implements ServerMessage {}

    /** What someone is typing, for those watching live typing; empty text when they stopped. */
    record Typing(long userId, String name, String text) implements ServerMessage {}

    /** Your typing.watch was accepted (and recorded): previews of this room follow. */
    record WatchingTyping(long performerId) implements ServerMessage {}

    /** To the performer (an answer is awaited) and to the user who asked. */
    record PrivateRequested(long showId, Person user, int ratePerMinute) implements ServerMessage {}

    record PrivateCancelled(long showId) implements ServerMessage {}

    record PrivateDeclined(long showId) implements ServerMessage {}

    record PrivateExpired(long showId) implements ServerMessage {}

    /** {@code freeSeconds}: the first seconds, not billed (the site's grace). */
    record ShowStarted(long showId, long userId, int ratePerMinute, int freeSeconds, String rounding)
            implements ServerMessage {}

    /** {@code reason}: USER_LEFT, PERFORMER_ENDED, CREDITS_EXHAUSTED, DISCONNECTED, SERVER_RESTART, MODERATOR. */
    record ShowEnded(long showId, long userId, String reason, long seconds, long credits) implements ServerMessage {}

    /**
     * You have to leave the room; the socket closes next. {@code reason}: ejected (the room went private or the
     * performer left), offline (the room closed), kicked, banned.
     */
    record Ejected(String reason, String message) implements ServerMessage {}

    /** A moderator acted on someone in the room: {@code action} is kick, ban or mute. */
    record Moderation(String action, long userId, String reason, Instant until) implements ServerMessage {}

    record Tipped(long userId, String name, long credits) implements ServerMessage {}

    /** Your balance after every change: all of it, and what is not held for a running show. */
    record Balance(long credits, long available) implements ServerMessage {}

    /** Your show's credits run low: about {@code secondsLeft} seconds remain. */
    record LowBalance(long showId, long secondsLeft) implements ServerMessage {}

    /**
     * Your payment moved on: PENDING, COMPLETED (credits added), DECLINED, REFUNDED or REVERSED (credits
     * taken back). {@code order} is null for a capture this site did not order through the client.
     */
    record Payment(String order, String status, long credits) implements ServerMessage {}

    record Signal(long from, JsonObject signal) implements ServerMessage {}

    record Performer(long performerId, String status) {}

    /** The first message on a wall socket: every performer's status. */
    record Wall(int protocol, List<Performer> performers) implements ServerMessage {}

    /** A performer went online, offline or busy. */
    record Status(long performerId, String status) implements ServerMessage {}

    /** A request failed; {@code about} is the type of the message that failed. Nothing of it was done. */
    record Error(String code, String message, String about) implements ServerMessage {}

    record Pong() implements ServerMessage {}
}
