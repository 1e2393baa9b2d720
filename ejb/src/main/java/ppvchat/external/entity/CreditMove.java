package ppvchat.external.entity;

/**
 * What the webmaster's server applied for a debit or a refund: the credits moved, the balance after, and whether
 * this answer repeats the first one for the same key ({@code replayed}: nothing was moved again).
 */
public record CreditMove(String key, long credits, long balance, boolean replayed) {}
