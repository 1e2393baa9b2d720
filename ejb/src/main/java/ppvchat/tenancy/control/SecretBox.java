package ppvchat.tenancy.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.tenancy.entity.SecretsNotSetUp;

/**
 * Seals secrets kept in the database (a site's API secret) as compact JWE, {@code dir} + {@code A256GCM},
 * under a key that lives only in the environment ({@code PPV_SECRETS_KEY}, base64 of 32 bytes). A copy of
 * the database alone reveals nothing. The key id in each header says which key sealed it, so a key can be
 * replaced later by re-sealing.
 */
@ApplicationScoped
public class SecretBox {

    private static final int KEY_BYTES = 32;

    /** Base64 of 32 bytes; the same on every server. Set it as {@code PPV_SECRETS_KEY}. */
    @Inject
    @ConfigProperty(name = "ppv.secrets.key")
    Optional<String> configuredKey;

    private byte[] key;
    private String keyId;

    public SecretBox() {}

    SecretBox(String base64Key) {
        this.configuredKey = Optional.of(base64Key);
        loadKey();
    }

    @PostConstruct
    void loadKey() {
        configuredKey.filter(k -> !k.isBlank()).ifPresent(configured -> {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException("ppv.secrets.key is not base64");
            }
            if (decoded.length != KEY_BYTES) {
                throw new IllegalStateException("ppv.secrets.key must be 32 bytes, base64-encoded");
            }
            key = decoded;
            keyId = fingerprint(decoded);
        });
    }

    /** Whether secrets can be sealed and opened here. */
    public boolean ready() {
        return key != null;
    }

    public String seal(String secret) {
        try {
            JWEObject sealed = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                            .keyID(keyId())
                            .build(),
                    new Payload(secret));
            sealed.encrypt(new DirectEncrypter(key));
            return sealed.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            JWEObject box = JWEObject.parse(sealed);
            if (!keyId().equals(box.getHeader().getKeyID())) {
                throw new IllegalStateException("a secret was sealed under another key than PPV_SECRETS_KEY");
            }
            box.decrypt(new DirectDecrypter(key));
            return box.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("a sealed secret cannot be opened with PPV_SECRETS_KEY", e);
        }
    }

    /** Whether a stored value is sealed, as opposed to a secret stored as is by an older version. */
    public static boolean isSealed(String stored) {
        return stored != null
                && stored.startsWith("eyJ")
                && stored.chars().filter(c -> c == '.').count() == 4;
    }

    private String keyId() {
        if (key == null) {
            throw new SecretsNotSetUp(
                    "API secrets are sealed with PPV_SECRETS_KEY, which this server does not have: set it"
                            + " (base64 of 32 random bytes, the same on every server) and restart");
        }
        return keyId;
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "ppv-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
