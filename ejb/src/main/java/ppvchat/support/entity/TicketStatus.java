package ppvchat.support.entity;

/** OPEN waits for the webmaster's staff, ANSWERED waits for the person who opened it. */
public enum TicketStatus {
    OPEN,
    ANSWERED,
    CLOSED
}
