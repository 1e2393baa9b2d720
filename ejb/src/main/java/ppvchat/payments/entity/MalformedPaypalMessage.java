package ppvchat.payments.entity;

import ppvchat.platform.entity.DomainException;

/** A webhook body that is not a PayPal event at all: refused before anything is stored. */
public class MalformedPaypalMessage extends DomainException {

    private static final long serialVersionUID = 1L;

    public MalformedPaypalMessage(String message) {
        super(message);
    }
}
