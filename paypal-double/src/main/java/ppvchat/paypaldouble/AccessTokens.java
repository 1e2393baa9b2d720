package ppvchat.paypaldouble;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth2 client credentials: checks the client's Basic credentials and the Bearer tokens it was given. */
final class AccessTokens {

    static final int LIFETIME_SECONDS = 32400;

    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    AccessTokens(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** True when the Authorization header is Basic clientId:clientSecret. */
    boolean isClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Both compared in full, in constant time, so a wrong id does not answer faster than a wrong secret.
        boolean idMatches = constantTimeEquals(decoded.substring(0, colon), clientId);
        boolean secretMatches = constantTimeEquals(decoded.substring(colon + 1), clientSecret);
        return idMatches & secretMatches;
    }

    JsonObject issue() {
        String token = Ids.accessToken();
        expiries.put(token, Instant.now().plusSeconds(LIFETIME_SECONDS));
        return JsonSupport.object()
                .add("scope", "https://uri.paypal.com/services/payments/payment")
                .add("access_token", token)
                .add("token_type", "Bearer")
                .add("app_id", "APP-PPVDOUBLE")
                .add("expires_in", LIFETIME_SECONDS)
                .add("nonce", Ids.nonce())
                .build();
    }

    /** True when the Authorization header is Bearer with a token issued here and not expired. */
    boolean isValidBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expiry = expiries.get(authorization.substring(7).trim());
        return expiry != null && Instant.now().isBefore(expiry);
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
