package ppvchat.rooms.entity;

/** Why a private show ended; recorded on the show. */
public enum EndReason {
    USER_LEFT,
    PERFORMER_ENDED,
    CREDITS_EXHAUSTED,
    DISCONNECTED,
    SERVER_RESTART,
    MODERATOR
}
