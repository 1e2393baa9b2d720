package ppvchat.tips.boundary;

/** A tip as it was booked; replaying the same idempotency key returns the same receipt. */
public record TipReceipt(long tipId, long performerId, long credits, long balanceAfter) {}
