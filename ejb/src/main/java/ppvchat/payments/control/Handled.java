package ppvchat.payments.control;

/**
 * What became of one PayPal message: the site it concerned (null if none), a sentence for the trail, and
 * whether it is done with ({@code false}: try again later, e.g. a refund whose capture is not known yet).
 */
public record Handled(Long webmasterId, String outcome, boolean done) {

    public static Handled done(Long webmasterId, String outcome) {
        return new Handled(webmasterId, outcome, true);
    }

    public static Handled refused(Long webmasterId, String why) {
        return new Handled(webmasterId, "refused: " + why, true);
    }

    public static Handled later(Long webmasterId, String why) {
        return new Handled(webmasterId, why, false);
    }
}
