package ppvchat.external.control;

/** A debit refused with 402: the user has fewer credits than asked on the webmaster's server; nothing was taken. */
public class InsufficientExternalCredits extends ExternalRefusal {

    private static final long serialVersionUID = 1L;

    private final long balance;

    public InsufficientExternalCredits(String call, String reason, long balance) {
        super(call, 402, reason + " (balance " + balance + ")");
        this.balance = balance;
    }

    /** The user's credits on the webmaster's server when it refused. */
    public long balance() {
        return balance;
    }
}
