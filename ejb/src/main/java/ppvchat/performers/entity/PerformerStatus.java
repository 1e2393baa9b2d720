package ppvchat.performers.entity;

/** What the performer wall shows: green, red or yellow. */
public enum PerformerStatus {
    ONLINE,
    OFFLINE,
    /** In a private show. */
    BUSY
}
