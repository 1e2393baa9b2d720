package ppvchat.payments.entity;

/**
 * A user's payment moved on (fired after commit): the room tells the user. {@code credits} are the
 * credits added, or taken back for a refund or reversal.
 */
public record PaymentChanged(long webmasterId, long userId, String order, String status, long credits) {}
