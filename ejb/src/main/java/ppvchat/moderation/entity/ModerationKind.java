package ppvchat.moderation.entity;

public enum ModerationKind {
    KICK,
    BAN,
    UNBAN,
    MUTE,
    /** A chat message taken down. */
    REMOVE,
    /** A running private show stopped by a moderator; billed as it ran. */
    STOP
}
