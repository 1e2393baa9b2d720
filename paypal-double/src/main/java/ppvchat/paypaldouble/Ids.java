package ppvchat.paypaldouble;

import java.security.SecureRandom;

/** Identifiers shaped like PayPal's: upper-case letters and digits of fixed lengths. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Ids() {}

    /** Order, capture and refund ids are 17 characters. */
    static String resourceId() {
        return upperAlphanumeric(17);
    }

    /** Payer ids are 13 characters. */
    static String payerId() {
        return upperAlphanumeric(13);
    }

    static String eventId() {
        return "WH-" + upperAlphanumeric(17) + "-" + upperAlphanumeric(17);
    }

    static String disputeId() {
        return "PP-D-" + digits(8);
    }

    static String debugId() {
        return hex(13);
    }

    static String accessToken() {
        return "A21AA" + upperAlphanumeric(20) + hex(40);
    }

    static String nonce() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + hex(20);
    }

    static String upperAlphanumeric(int length) {
        return pick(LETTERS_AND_DIGITS, length);
    }

    private static String digits(int length) {
        return pick("0123456789", length);
    }

    private static String hex(int length) {
        return pick("0123456789abcdef", length);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
