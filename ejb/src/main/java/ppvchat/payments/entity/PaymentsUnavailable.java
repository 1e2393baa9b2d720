package ppvchat.payments.entity;

import ppvchat.platform.entity.DomainException;

/** PayPal could not be reached or answered with a failure of its own: nothing was charged; try again. */
public class PaymentsUnavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    public PaymentsUnavailable(String message) {
        super(message);
    }
}
