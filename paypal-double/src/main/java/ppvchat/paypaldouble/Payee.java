package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The account that receives the money; either part may be unknown when the order named only the other. */
record Payee(String email, String merchantId) {

    /** The double's own account, used when an order names no payee. */
    static final Payee OWN_ACCOUNT = new Payee("merchant@paypal-double.test", "PPVDOUBLEMERCH");

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** PayPal knows every account's merchant id; the double derives a stable one from the e-mail. */
    static Payee ofEmail(String email) {
        if (OWN_ACCOUNT.email().equalsIgnoreCase(email)) {
            return OWN_ACCOUNT;
        }
        return new Payee(email, merchantIdFor(email));
    }

    static Payee ofMerchantId(String merchantId) {
        if (OWN_ACCOUNT.merchantId().equals(merchantId)) {
            return OWN_ACCOUNT;
        }
        return new Payee(null, merchantId);
    }

    JsonObject toJson() {
        var json = JsonSupport.object();
        JsonSupport.addIfPresent(json, "email_address", email);
        JsonSupport.addIfPresent(json, "merchant_id", merchantId);
        return json.build();
    }

    private static String merchantIdFor(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(13);
            for (int i = 0; i < 13; i++) {
                id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
