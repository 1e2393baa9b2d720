package ppvchat.accounts.entity;

/** A chat participant's role on one webmaster's site. */
public enum Role {
    ADMIN,
    MODERATOR,
    PERFORMER,
    USER,
    GUEST;

    /** Live typing shows what someone types before they send it: never for ordinary users or guests. */
    public boolean mayEverSeeLiveTyping() {
        return this == ADMIN || this == MODERATOR || this == PERFORMER;
    }
}
