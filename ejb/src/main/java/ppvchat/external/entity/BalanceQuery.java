package ppvchat.external.entity;

/** The body of {@code /balance}. */
public record BalanceQuery(String userId) {}
