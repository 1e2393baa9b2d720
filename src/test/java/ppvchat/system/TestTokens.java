package ppvchat.system;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs tokens the way the server does (JWT, HS256) with the test servers' known key, to forge bad ones. */
final class TestTokens {

    /** The tokens key the protocol test servers run with (base64 of 32 bytes). */
    static final String KEY =
            Base64.getEncoder().encodeToString("protocol-tests-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    private TestTokens() {}

    static String signed(long webmasterId, long userId, String role, String name, Instant expires) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = Json.createObjectBuilder()
                .add("iss", "ppv-chat")
                .add("sub", Long.toString(userId))
                .add("wm", webmasterId)
                .add("role", role)
                .add("name", name)
                .add("iat", expires.getEpochSecond() - 900)
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
            return signingInput + "."
                    + url.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
