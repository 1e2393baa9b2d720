package ppvchat.payments.entity;

import ppvchat.platform.entity.DomainException;

/** The deployment has no PayPal credentials, or the site no PayPal account to be paid to. */
public class PaymentsNotSetUp extends DomainException {

    private static final long serialVersionUID = 1L;

    public PaymentsNotSetUp(String message) {
        super(message);
    }
}
