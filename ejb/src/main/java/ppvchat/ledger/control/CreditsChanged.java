package ppvchat.ledger.control;

/** A user's balance changed (and committed): what they hold and what they may still spend. */
public record CreditsChanged(long webmasterId, long userId, long credits, long available) {}
