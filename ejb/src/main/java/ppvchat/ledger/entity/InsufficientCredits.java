package ppvchat.ledger.entity;

import ppvchat.platform.entity.DomainException;

/** A debit larger than what the user may spend: their balance less the credits held for running shows. */
public class InsufficientCredits extends DomainException {

    private static final long serialVersionUID = 1L;

    public InsufficientCredits(long wanted, long available) {
        super("not enough credits: " + wanted + " needed, " + available + " available");
    }
}
