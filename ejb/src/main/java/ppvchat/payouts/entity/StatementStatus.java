package ppvchat.payouts.entity;

/** A statement is produced open, approved by an accountant, then marked paid once the money left. */
public enum StatementStatus {
    OPEN,
    APPROVED,
    PAID
}
