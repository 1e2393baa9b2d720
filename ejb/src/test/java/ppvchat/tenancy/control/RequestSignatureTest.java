package ppvchat.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String SECRET = "3f1c9a0d5e7b2a4c6e8f0a1b3c5d7e9f3f1c9a0d5e7b2a4c6e8f0a1b3c5d7e9f";
    private static final byte[] BODY = "{\"userId\":\"42\",\"credits\":5}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void matchesAnHmacComputedElsewhere() {
        // printf '%s' '1800000000.{"userId":"42","credits":5}' | openssl dgst -sha256 -hmac "$SECRET"
        assertEquals(
                "v1=e573c8b0a4fd2b1b3c1c2bb4b2dffc2941dd634d4a698142616be7d4aa97f356",
                RequestSignature.sign(SECRET, NOW.getEpochSecond(), BODY));
        String signature = RequestSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertTrue(RequestSignature.verify(SECRET, "1800000000", signature, BODY, NOW));
    }

    @Test
    void refusesAnotherBodySecretOrTimestamp() {
        String signature = RequestSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        byte[] other = "{\"userId\":\"42\",\"credits\":50}".getBytes(StandardCharsets.UTF_8);
        assertFalse(RequestSignature.verify(SECRET, "1800000000", signature, other, NOW));
        assertFalse(RequestSignature.verify(SECRET.replace('3', '4'), "1800000000", signature, BODY, NOW));
        assertFalse(RequestSignature.verify(SECRET, "1800000001", signature, BODY, NOW));
    }

    @Test
    void refusesStaleFutureAndMalformedSignatures() {
        String signature = RequestSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertFalse(RequestSignature.verify(SECRET, "1800000000", signature, BODY, NOW.plusSeconds(301)));
        assertFalse(RequestSignature.verify(SECRET, "1800000000", signature, BODY, NOW.minusSeconds(301)));
        assertTrue(RequestSignature.verify(SECRET, "1800000000", signature, BODY, NOW.plusSeconds(300)));
        assertFalse(RequestSignature.verify(SECRET, "soon", signature, BODY, NOW));
        assertFalse(RequestSignature.verify(SECRET, "1800000000", "v1=zz", BODY, NOW));
        assertFalse(RequestSignature.verify(SECRET, "1800000000", signature.substring(3), BODY, NOW));
        assertFalse(RequestSignature.verify(SECRET, "1800000000", null, BODY, NOW));
        assertFalse(RequestSignature.verify(null, "1800000000", signature, BODY, NOW));
    }
}
