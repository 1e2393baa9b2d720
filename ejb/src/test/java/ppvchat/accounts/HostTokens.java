package ppvchat.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Host login tokens signed as a host site signs them by hand, with no JWT library (like the PHP example). */
public final class HostTokens {

    private HostTokens() {}

    /** A fresh, valid set of claims for the host's user {@code id}, issued a minute before {@code now}. */
    public static Map<String, Object> claims(long site, String id, String username, String role, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", "ppv-chat/" + site);
        claims.put("sub", id);
        claims.put("username", username);
        claims.put("role", role);
        claims.put("iat", now.minusSeconds(60).getEpochSecond());
        claims.put("exp", now.plusSeconds(120).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString().replace("-", ""));
        return claims;
    }

    /** base64url(header).base64url(claims).base64url(HMAC-SHA256 of the two with the API secret). */
    public static String sign(Map<String, Object> claims, String secret) {
        String content = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url(json(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Flat JSON of strings and numbers: enough for claims, without a JSON library. */
    public static String json(Map<String, Object> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            json.append(value instanceof String text ? "\"" + text + "\"" : String.valueOf(value));
        });
        return json.append('}').toString();
    }
}
