package ppvchat.paypaldouble;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Signs webhook transmissions the way PayPal does: SHA256withRSA over
 * {@code transmission_id|transmission_time|webhook_id|crc32(body)}. The key is made at start,
 * so nothing secret is stored anywhere.
 */
final class WebhookSigner {

    static final String AUTH_ALGO = "SHA256withRSA";

    private final KeyPair keys;

    private WebhookSigner(KeyPair keys) {
        this.keys = keys;
    }

    static WebhookSigner withNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new WebhookSigner(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    /** The text PayPal signs; the CRC is of the UTF-8 body bytes, written as an unsigned decimal. */
    static String signedText(String transmissionId, String transmissionTime, String webhookId, String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return transmissionId + "|" + transmissionTime + "|" + webhookId + "|" + crc.getValue();
    }

    String sign(String transmissionId, String transmissionTime, String webhookId, String body) {
        try {
            Signature signature = Signature.getInstance(AUTH_ALGO);
            signature.initSign(keys.getPrivate());
            signature.update(signedText(transmissionId, transmissionTime, webhookId, body)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with a key made for signing", e);
        }
    }

    boolean verifies(
            String base64Signature, String transmissionId, String transmissionTime, String webhookId, String body) {
        try {
            byte[] signatureBytes = Base64.getDecoder().decode(base64Signature);
            Signature signature = Signature.getInstance(AUTH_ALGO);
            signature.initVerify(keys.getPublic());
            signature.update(signedText(transmissionId, transmissionTime, webhookId, body)
                    .getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // Not base64, or not a signature of the right shape: simply not verified.
        }
    }

    String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
