package ppvchat.realtime;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a client may send on a room socket, one record per kind; {@code type} names the kind. Required fields
 * are checked before anything is called; the rules (who may do what) are the boundaries'.
 */
@JsonbTypeInfo(
        key = "type",
        value = {
            @JsonbSubtype(alias = "chat", type = ClientMessage.Say.class),
            @JsonbSubtype(alias = "typing", type = ClientMessage.Typing.class),
            @JsonbSubtype(alias = "typing.watch", type = ClientMessage.WatchTyping.class),
            @JsonbSubtype(alias = "private.request", type = ClientMessage.RequestPrivate.class),
            @JsonbSubtype(alias = "private.cancel", type = ClientMessage.CancelPrivate.class),
            @JsonbSubtype(alias = "private.accept", type = ClientMessage.AcceptPrivate.class),
            @JsonbSubtype(alias = "private.decline", type = ClientMessage.DeclinePrivate.class),
            @JsonbSubtype(alias = "show.end", type = ClientMessage.EndShow.class),
            @JsonbSubtype(alias = "show.stop", type = ClientMessage.StopShow.class),
            @JsonbSubtype(alias = "tip", type = ClientMessage.Tip.class),
            @JsonbSubtype(alias = "signal", type = ClientMessage.Signal.class),
            @JsonbSubtype(alias = "kick", type = ClientMessage.Kick.class),
            @JsonbSubtype(alias = "ban", type = ClientMessage.Ban.class),
            @JsonbSubtype(alias = "mute", type = ClientMessage.Mute.class),
            @JsonbSubtype(alias = "chat.remove", type = ClientMessage.RemoveChat.class),
            @JsonbSubtype(alias = "offline", type = ClientMessage.GoOffline.class),
            @JsonbSubtype(alias = "ping", type = ClientMessage.Ping.class)
        })
public sealed interface ClientMessage {

    /** Public chat, or chat inside the private show the sender is in. */
    record Say(@NotNull @Size(min = 1, max = 500) String text) implements ClientMessage {}

    /** What the sender is typing now; empty when they stopped. Debounce it: the server drops extras. */
    record Typing(@Size(max = 500) String text) implements ClientMessage {}

    /** Staff (and performers, where granted) start receiving typing previews; recorded for the audit. */
    record WatchTyping() implements ClientMessage {}

    record RequestPrivate() implements ClientMessage {}

    record CancelPrivate(@NotNull Long showId) implements ClientMessage {}

    record AcceptPrivate(@NotNull Long showId) implements ClientMessage {}

    record DeclinePrivate(@NotNull Long showId) implements ClientMessage {}

    /** Either side ends the running show. */
    record EndShow(@NotNull Long showId) implements ClientMessage {}

    /** Staff stop a running show. */
    record StopShow(@NotNull Long showId) implements ClientMessage {}

    /** A tip; {@code key} makes a retry book it once. */
    record Tip(@NotNull @Positive Long credits, @NotNull @Size(min = 1, max = 64) String key)
            implements ClientMessage {}

    /** A WebRTC offer, answer or ICE candidate for one peer: the performer, or (from the performer) a watcher. */
    record Signal(@NotNull Long to, @NotNull JsonObject signal) implements ClientMessage {}

    record Kick(@NotNull Long userId, @Size(max = 200) String reason) implements ClientMessage {}

    record Ban(@NotNull Long userId, @NotNull @Positive Long minutes, @Size(max = 200) String reason)
            implements ClientMessage {}

    record Mute(@NotNull Long userId, @NotNull @Positive Long minutes, @Size(max = 200) String reason)
            implements ClientMessage {}

    record RemoveChat(@NotNull @Size(max = 64) String messageId) implements ClientMessage {}

    /** The performer leaves now, without waiting for the reconnection grace. */
    record GoOffline() implements ClientMessage {}

    /** Keeps an idle connection open; answered with {@code pong}. */
    record Ping() implements ClientMessage {}
}
