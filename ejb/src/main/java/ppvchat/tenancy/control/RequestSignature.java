package ppvchat.tenancy.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every call between this server and a site's own server, both ways: HMAC-SHA256 with the
 * site's API secret over {@code timestamp + "." + body}, sent as {@code X-PPV-Timestamp} (Unix seconds) and
 * {@code X-PPV-Signature: v1=<hex>}. The timestamp bounds how long a captured call can be replayed; the
 * body is signed byte for byte, so it must be checked before it is parsed.
 */
public final class RequestSignature {

    public static final String TIMESTAMP_HEADER = "X-PPV-Timestamp";
    public static final String SIGNATURE_HEADER = "X-PPV-Signature";
    public static final String SITE_HEADER = "X-PPV-Site";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** How far a call's timestamp may be from the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1=";

    private RequestSignature() {}

    /** The header value for a call made at {@code timestamp} (Unix seconds) with this body. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return VERSION + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /** Whether {@code signature} and {@code timestamp} are this body's, signed with {@code secret}, recently. */
    public static boolean verify(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (secret == null || timestamp == null || signature == null || !signature.startsWith(VERSION)) {
            return false;
        }
        long seconds;
        byte[] given;
        try {
            seconds = Long.parseLong(timestamp.strip());
            given = HexFormat.of().parseHex(signature.strip().substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, seconds, body), given);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
