package ppvchat.payments.control;

/** PayPal could not be reached, timed out or failed on its side (5xx), after the bounded retries. */
public class PaypalDown extends Exception {

    private static final long serialVersionUID = 1L;

    public PaypalDown(String message) {
        super(message);
    }
}
