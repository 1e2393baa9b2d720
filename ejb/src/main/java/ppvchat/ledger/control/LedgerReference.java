package ppvchat.ledger.control;

/** What a ledger entry is about: at most one show, tip or PayPal transaction. */
public record LedgerReference(Long showId, Long tipId, Long paypalId) {

    public static LedgerReference none() {
        return new LedgerReference(null, null, null);
    }

    public static LedgerReference show(long id) {
        return new LedgerReference(id, null, null);
    }

    public static LedgerReference tip(long id) {
        return new LedgerReference(null, id, null);
    }

    public static LedgerReference paypal(long id) {
        return new LedgerReference(null, null, id);
    }
}
