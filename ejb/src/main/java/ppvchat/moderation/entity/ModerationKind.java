package ppvchat.moderation.entity;

public enum ModerationKind {
    KICK,
    BAN,
    UNBAN,
    MUTE,
    /** A chat message taken down. */
    REMOVE
}
