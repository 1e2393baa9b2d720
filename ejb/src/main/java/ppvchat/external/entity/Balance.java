package ppvchat.external.entity;

/** A user's credits on the webmaster's server. */
public record Balance(String userId, long credits) {}
