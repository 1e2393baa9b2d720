package ppvchat.external.entity;

/** The body of {@code /refund}: give back part or all of the debit made under {@code debitKey}. */
public record Refund(String key, String debitKey, String userId, long credits) {}
