package ppvchat.accounts.entity;

/** What a role may do in a webmaster's rooms; granted per webmaster. */
public enum Permission {
    LIVE_TYPING,
    KICK,
    BAN,
    TIP,
    REQUEST_PRIVATE,
    PUBLIC_CHAT
}
