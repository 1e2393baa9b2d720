package ppvchat.payments.control;

/** PayPal understood the call and said no (a 4xx answer): retrying the same call will not help. */
public class PaypalRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient PaypalAnswer answer;

    public PaypalRefused(PaypalAnswer answer) {
        super("PayPal refused: " + answer.status() + " " + answer.issue());
        this.answer = answer;
    }

    public PaypalAnswer answer() {
        return answer;
    }

    public String issue() {
        return answer.issue();
    }
}
